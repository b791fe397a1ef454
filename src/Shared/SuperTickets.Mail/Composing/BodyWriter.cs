using System.Text;

namespace SuperTickets.Mail.Composing;

/// <summary>Body encodings: 7bit when safe, quoted-printable for text, base64 (76-character lines) for binaries.</summary>
internal static class BodyWriter
{
    private const int QpLine = 76;
    private const string Hex = "0123456789ABCDEF";

    /// <summary>Writes a text part's headers and body; returns nothing, appends to <paramref name="sb"/>.</summary>
    public static void TextPart(StringBuilder sb, string contentType, string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var sevenBit = !normalized.AsSpan().ContainsAnyExceptInRange('\u0001', '\u007F') && LinesFit(normalized, 998);
        sb.Append("Content-Type: ").Append(contentType).Append("\r\n");
        sb.Append("Content-Transfer-Encoding: ").Append(sevenBit ? "7bit" : "quoted-printable").Append("\r\n\r\n");
        if (sevenBit)
        {
            sb.Append(normalized.Replace("\n", "\r\n"));
        }
        else
        {
            QuotedPrintable(sb, Encoding.UTF8.GetBytes(normalized));
        }

        if (sb[^1] != '\n')
        {
            sb.Append("\r\n");
        }
    }

    private static bool LinesFit(ReadOnlySpan<char> text, int maxLength)
    {
        while (true)
        {
            var end = text.IndexOf('\n');
            if ((end < 0 ? text.Length : end) > maxLength)
            {
                return false;
            }
            if (end < 0)
            {
                return true;
            }
            text = text[(end + 1)..];
        }
    }

    public static void Base64(StringBuilder sb, ReadOnlySpan<byte> content)
    {
        var encoded = Convert.ToBase64String(content);
        for (var i = 0; i < encoded.Length; i += 76)
        {
            sb.Append(encoded.AsSpan(i, Math.Min(76, encoded.Length - i))).Append("\r\n");
        }
    }

    private static void QuotedPrintable(StringBuilder sb, ReadOnlySpan<byte> bytes)
    {
        var column = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == '\n')
            {
                sb.Append("\r\n");
                column = 0;
                continue;
            }

            var atLineEnd = i + 1 == bytes.Length || bytes[i + 1] == '\n';
            var literal = b is >= 33 and <= 126 and not (byte)'=' || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
            var width = literal ? 1 : 3;
            if (column + width > QpLine - 1)
            {
                sb.Append("=\r\n");
                column = 0;
            }

            if (literal)
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('=').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }

            column += width;
        }
    }
}
