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
            QuotedPrintable(sb, normalized);
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

    /// <summary>
    /// Quoted-printable of the UTF-8 bytes of <paramref name="text"/> ('\n' line ends), encoded character by character
    /// instead of through a byte array of the whole text.
    /// </summary>
    private static void QuotedPrintable(StringBuilder sb, ReadOnlySpan<char> text)
    {
        var column = 0;
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                sb.Append("\r\n");
                column = 0;
                continue;
            }
            if (c < 128)
            {
                var atLineEnd = i + 1 == text.Length || text[i + 1] == '\n';
                var literal = c is >= '!' and <= '~' and not '=' || (c is ' ' or '\t' && !atLineEnd);
                Emit(sb, (byte)c, literal, ref column);
                continue;
            }
            var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            var count = Encoding.UTF8.GetBytes(text.Slice(i, width), utf8);
            for (var k = 0; k < count; k++)
            {
                Emit(sb, utf8[k], literal: false, ref column);
            }
            i += width - 1;
        }
    }

    private static void Emit(StringBuilder sb, byte b, bool literal, ref int column)
    {
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
