namespace SuperTickets.Mail.Parsing;

/// <summary>Reads RFC 3464 delivery-status bodies: a per-message block followed by per-recipient blocks.</summary>
internal static class DeliveryStatusParser
{
    private const int MaxRecipients = 1000;

    public static MimeNode? FindStatusPart(MimeNode node, int depth = 0)
    {
        if (depth > 64 || node.Children is not { } children)
        {
            return null;
        }

        var isReport = node.SubType == "report";
        foreach (var child in children)
        {
            if (isReport && child.MediaType == "message" && child.SubType is "delivery-status" or "global-delivery-status")
            {
                return child;
            }

            if (FindStatusPart(child, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    public static DeliveryStatusReport Parse(ReadOnlyMemory<byte> body)
    {
        var scratch = new List<string>();
        var span = body.Span;
        string? reportingMta = null;
        var recipients = new List<DeliveryStatusRecipient>();
        var pos = 0;
        while (pos < span.Length && recipients.Count < MaxRecipients)
        {
            var fields = new List<RawHeader>();
            var next = HeaderBlock.Parse(span, pos, span.Length, fields, scratch, false);
            if (next <= pos)
            {
                next = SkipLine(span, pos);
            }

            pos = next;
            if (fields.Count == 0)
            {
                continue;
            }

            var block = new HeaderSet(body, fields);
            reportingMta ??= StripType(block.Raw("Reporting-MTA"));
            if (string.Equals(block.Raw("Content-Transfer-Encoding"), "base64", StringComparison.OrdinalIgnoreCase) && next < span.Length)
            {
                body = TransferDecoder.DecodeBase64(span[next..]);
                span = body.Span;
                pos = 0;
            }

            var final = StripType(block.Raw("Final-Recipient"));
            var original = StripType(block.Raw("Original-Recipient"));
            var action = block.Raw("Action");
            var status = block.Raw("Status");
            if (final is null && original is null && action is null && status is null)
            {
                continue;
            }

            recipients.Add(new DeliveryStatusRecipient(
                final, original, action?.ToLowerInvariant(), FirstToken(status), StripType(block.Raw("Diagnostic-Code")), StripType(block.Raw("Remote-MTA"))));
        }

        return new DeliveryStatusReport(reportingMta, recipients);
    }

    private static int SkipLine(ReadOnlySpan<byte> span, int pos)
    {
        var nl = span[pos..].IndexOf((byte)'\n');
        return nl < 0 ? span.Length : pos + nl + 1;
    }

    private static string? FirstToken(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var t = value.Trim();
        var space = t.IndexOfAny([' ', '(', '\t']);
        return space > 0 ? t[..space] : t;
    }

    private static string? StripType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var semi = value.IndexOf(';');
        var result = (semi >= 0 ? value[(semi + 1)..] : value).Trim().Trim('<', '>');
        return result.Length == 0 ? null : result;
    }
}
