using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace SuperTickets.Mail.Parsing;

/// <summary>
/// RFC 2047 decoding that tolerates what real mailers produce: encoded words glued to text, inside quotes,
/// multibyte sequences split across adjacent words, spaces inside Q text.
/// </summary>
internal static class EncodedWords
{
    private const int MaxWordLength = 4096;

    public static string Decode(string text)
    {
        var first = text.IndexOf("=?", StringComparison.Ordinal);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var pending = new ArrayBufferWriter<byte>();
        string? pendingCharset = null;
        var pos = 0;
        var start = first;
        while (start >= 0)
        {
            if (!TryParseWord(text, start, out var charset, out var encoding, out var payloadStart, out var payloadEnd))
            {
                start = text.IndexOf("=?", start + 2, StringComparison.Ordinal);
                continue;
            }

            var between = text.AsSpan(pos, start - pos);
            var joinsPrevious = pendingCharset is not null && between.IsWhiteSpace();
            if (!joinsPrevious || !string.Equals(pendingCharset, charset, StringComparison.OrdinalIgnoreCase))
            {
                Flush(sb, pending, ref pendingCharset);
                if (!joinsPrevious)
                {
                    sb.Append(between);
                }
            }

            pendingCharset = charset;
            AppendPayload(pending, text.AsSpan(payloadStart, payloadEnd - payloadStart), encoding);
            pos = payloadEnd + 2;
            start = text.IndexOf("=?", pos, StringComparison.Ordinal);
        }

        Flush(sb, pending, ref pendingCharset);
        sb.Append(text.AsSpan(pos));
        return sb.ToString();
    }

    private static bool TryParseWord(string text, int start, out string charset, out char encoding, out int payloadStart, out int payloadEnd)
    {
        charset = string.Empty;
        encoding = '\0';
        payloadStart = payloadEnd = 0;
        var q1 = text.IndexOf('?', start + 2);
        if (q1 < 0 || q1 == start + 2 || q1 - start > 80 || q1 + 2 >= text.Length || text[q1 + 2] != '?')
        {
            return false;
        }

        encoding = char.ToUpperInvariant(text[q1 + 1]);
        if (encoding is not ('B' or 'Q'))
        {
            return false;
        }

        payloadStart = q1 + 3;
        payloadEnd = text.IndexOf("?=", payloadStart, StringComparison.Ordinal);
        if (payloadEnd < 0 || payloadEnd - payloadStart > MaxWordLength)
        {
            return false;
        }

        var name = text.AsSpan(start + 2, q1 - start - 2);
        if (name.ContainsAny(' ', '\t', '"'))
        {
            return false;
        }

        var star = name.IndexOf('*');
        charset = (star >= 0 ? name[..star] : name).ToString();
        return true;
    }

    private static void AppendPayload(ArrayBufferWriter<byte> pending, ReadOnlySpan<char> payload, char encoding)
    {
        if (encoding == 'Q')
        {
            var span = pending.GetSpan(payload.Length);
            var n = 0;
            for (var i = 0; i < payload.Length; i++)
            {
                var c = payload[i];
                if (c == '_')
                {
                    span[n++] = (byte)' ';
                }
                else if (c == '=' && i + 2 < payload.Length && HexDigits.TryPair(payload[i + 1], payload[i + 2], out var b))
                {
                    span[n++] = b;
                    i += 2;
                }
                else
                {
                    span[n++] = c < 256 ? (byte)c : (byte)'?';
                }
            }

            pending.Advance(n);
            return;
        }

        var bytes = pending.GetSpan(payload.Length + 4);
        var m = 0;
        foreach (var c in payload)
        {
            if (c < 128 && c != '=' && !char.IsWhiteSpace(c))
            {
                bytes[m++] = (byte)c;
            }
        }

        var quads = m & ~3;
        var rest = m - quads;
        if (rest >= 2)
        {
            bytes[m] = (byte)'=';
            if (rest == 2)
            {
                bytes[m + 1] = (byte)'=';
            }

            quads += 4;
        }

        Span<byte> work = bytes[..quads];
        if (Base64.DecodeFromUtf8InPlace(work, out var written) != OperationStatus.Done)
        {
            written = 0;
        }

        pending.Advance(written);
    }

    private static void Flush(StringBuilder sb, ArrayBufferWriter<byte> pending, ref string? charset)
    {
        if (charset is not null && pending.WrittenCount > 0)
        {
            sb.Append(Charsets.Decode(pending.WrittenSpan, charset));
        }

        pending.ResetWrittenCount();
        charset = null;
    }
}
