using System.Globalization;
using System.Text.Json;

namespace SuperTickets.Mail;

/// <summary>Writes the JSON view of a parsed message (schema in docs/mime-json.md).</summary>
public static class ParsedEmailJson
{
    /// <summary>Writes one JSON object; <paramref name="file"/> is included as "file" when given.</summary>
    public static void Write(Utf8JsonWriter writer, ParsedEmail email, string? file)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(email);
        var noise = MailNoiseDetector.Detect(email, string.Empty);
        writer.WriteStartObject();
        if (file is not null)
        {
            writer.WriteString("file", file);
        }

        writer.WriteString("messageId", email.MessageId);
        writer.WriteString("inReplyTo", email.InReplyTo);
        writer.WriteStartArray("references");
        foreach (var reference in email.References)
        {
            writer.WriteStringValue(reference);
        }

        writer.WriteEndArray();
        writer.WriteString("subject", email.Subject);
        writer.WritePropertyName("from");
        WriteAddress(writer, email.From);
        WriteAddresses(writer, "to", email.To);
        WriteAddresses(writer, "cc", email.Cc);
        WriteAddresses(writer, "replyTo", email.ReplyTo);
        if (email.Date is { } date)
        {
            writer.WriteString("date", date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("date");
        }

        writer.WriteString("textBody", email.TextBody);
        writer.WriteString("htmlBody", email.HtmlBody);
        writer.WriteStartArray("attachments");
        foreach (var attachment in email.Attachments)
        {
            writer.WriteStartObject();
            writer.WriteString("fileName", attachment.FileName);
            writer.WriteString("contentType", attachment.ContentType);
            writer.WriteNumber("size", attachment.Size);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        var autoSubmitted = email.Header("Auto-Submitted")?.Trim();
        writer.WriteBoolean("autoSubmitted", !string.IsNullOrEmpty(autoSubmitted) && !autoSubmitted.StartsWith("no", StringComparison.OrdinalIgnoreCase));
        writer.WriteBoolean("bounce", noise.Kind == MailNoiseKind.Bounce);
        if (noise.IsNoise)
        {
            writer.WriteString("noise", JsonNamingPolicy.CamelCase.ConvertName(noise.Kind.ToString()));
        }
        else
        {
            writer.WriteNull("noise");
        }

        writer.WriteStartArray("defects");
        foreach (var defect in email.Defects)
        {
            writer.WriteStringValue(defect);
        }

        writer.WriteEndArray();
        writer.WriteNumber("sizeBytes", email.SizeBytes);
        writer.WriteBoolean("oversize", email.IsOversize);
        writer.WriteEndObject();
    }

    private static void WriteAddresses(Utf8JsonWriter writer, string name, IReadOnlyList<MailAddress> addresses)
    {
        writer.WriteStartArray(name);
        foreach (var address in addresses)
        {
            WriteAddress(writer, address);
        }

        writer.WriteEndArray();
    }

    private static void WriteAddress(Utf8JsonWriter writer, MailAddress? address)
    {
        if (address is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("name", address.Name);
        writer.WriteString("address", address.Address);
        writer.WriteEndObject();
    }
}
