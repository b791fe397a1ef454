using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SuperTickets.Mail.Composing;

namespace SuperTickets.Mail;

/// <summary>
/// Builds RFC 5322 messages with CRLF line endings: encoded headers, text or multipart/alternative bodies,
/// multipart/mixed with attachments, calendar invitations. Output is deterministic for the same input.
/// </summary>
public static class MailComposer
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-ID", "In-Reply-To", "References",
        "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "Auto-Submitted",
    };

    public static byte[] Compose(OutgoingEmail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        // Quoted-printable grows mostly-ASCII text by a few per cent; a builder that must grow adds a chunk, not a copy.
        var sb = new StringBuilder(1024 + (mail.TextBody.Length + (mail.HtmlBody?.Length ?? 0)) * 9 / 8);
        var headers = new HeaderWriter(sb);
        headers.Addresses("From", [mail.From]);
        headers.Addresses("To", mail.To);
        headers.Addresses("Cc", mail.Cc);
        headers.Addresses("Reply-To", mail.ReplyTo);
        headers.Text("Subject", mail.Subject);
        headers.Raw("Date", FormatDate(mail.Date));
        headers.Ids("Message-ID", [mail.MessageId]);
        if (mail.InReplyTo is not null)
        {
            headers.Ids("In-Reply-To", [mail.InReplyTo]);
        }

        headers.Ids("References", mail.References);
        if (mail.AutoSubmitted)
        {
            headers.Raw("Auto-Submitted", "auto-replied");
        }

        foreach (var (name, value) in mail.ExtraHeaders)
        {
            if (!ReservedHeaders.Contains(name) && IsFieldName(name))
            {
                headers.Text(name, value);
            }
        }

        headers.Raw("MIME-Version", "1.0");
        var boundaries = new BoundarySource(mail.MessageId);
        var files = mail.Attachments;
        if (files.Count == 0)
        {
            Body(sb, mail, boundaries);
        }
        else
        {
            var mixed = boundaries.Next();
            sb.Append("Content-Type: multipart/mixed; boundary=\"").Append(mixed).Append("\"\r\n\r\n");
            sb.Append("--").Append(mixed).Append("\r\n");
            Body(sb, mail, boundaries);
            foreach (var file in files)
            {
                sb.Append("--").Append(mixed).Append("\r\n");
                Attachment(sb, file);
            }

            sb.Append("--").Append(mixed).Append("--\r\n");
        }

        return Utf8(sb);
    }

    /// <summary>The builder's text as UTF-8, encoded chunk by chunk (no intermediate string of the whole message).</summary>
    private static byte[] Utf8(StringBuilder sb)
    {
        var length = 0;
        foreach (var chunk in sb.GetChunks())
        {
            length += Encoding.UTF8.GetByteCount(chunk.Span);
        }
        var bytes = new byte[length];
        var encoder = Encoding.UTF8.GetEncoder();
        var written = 0;
        foreach (var chunk in sb.GetChunks())
        {
            written += encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        }
        written += encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return written == length ? bytes : bytes[..written];
    }

    private static void Body(StringBuilder sb, OutgoingEmail mail, BoundarySource boundaries)
    {
        var calendars = mail.Attachments.Where(a => a.IsCalendar).ToList();
        if (mail.HtmlBody is null && calendars.Count == 0)
        {
            BodyWriter.TextPart(sb, "text/plain; charset=utf-8", mail.TextBody);
            return;
        }

        var alternative = boundaries.Next();
        sb.Append("Content-Type: multipart/alternative; boundary=\"").Append(alternative).Append("\"\r\n\r\n");
        sb.Append("--").Append(alternative).Append("\r\n");
        BodyWriter.TextPart(sb, "text/plain; charset=utf-8", mail.TextBody);
        if (mail.HtmlBody is not null)
        {
            sb.Append("--").Append(alternative).Append("\r\n");
            BodyWriter.TextPart(sb, "text/html; charset=utf-8", mail.HtmlBody);
        }

        foreach (var calendar in calendars)
        {
            sb.Append("--").Append(alternative).Append("\r\n");
            BodyWriter.TextPart(sb, calendar.ContentType, Encoding.UTF8.GetString(calendar.Content.Span));
        }

        sb.Append("--").Append(alternative).Append("--\r\n");
    }

    private static void Attachment(StringBuilder sb, OutgoingAttachment file)
    {
        var name = file.FileName.Replace("\"", string.Empty).Replace("\r", string.Empty).Replace("\n", string.Empty);
        var ascii = name.All(c => c is >= ' ' and <= '~');
        var contentType = file.IsCalendar ? "application/ics" : file.ContentType;
        sb.Append("Content-Type: ").Append(contentType).Append("; name=\"")
            .Append(ascii ? name : "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(name)) + "?=").Append("\"\r\n");
        sb.Append("Content-Disposition: attachment;");
        if (ascii)
        {
            sb.Append(" filename=\"").Append(name).Append("\"\r\n");
        }
        else
        {
            sb.Append("\r\n filename*=utf-8''").Append(Uri.EscapeDataString(name)).Append("\r\n");
        }

        sb.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        BodyWriter.Base64(sb, file.Content.Span);
    }

    private static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return date.ToString("ddd, d MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture) + $"{sign}{abs.Hours:00}{abs.Minutes:00}";
    }

    private static bool IsFieldName(string name) => name.Length > 0 && name.All(c => c is > ' ' and <= '~' and not ':');

    private sealed class BoundarySource(string seed)
    {
        private int _counter;

        public string Next()
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "/" + _counter++));
            return "=_st_" + Convert.ToHexString(hash, 0, 12).ToLowerInvariant();
        }
    }
}
