using System.Buffers;
using System.Buffers.Text;

namespace SuperTickets.Mail.Parsing;

/// <summary>Content-Transfer-Encoding decoding (base64, quoted-printable, identity), tolerant of damage.</summary>
internal static class TransferDecoder
{
    /// <summary>Decodes the body; identity encodings return a slice of the input without copying.</summary>
    public static ReadOnlyMemory<byte> Decode(ReadOnlyMemory<byte> body, string? encoding) => encoding switch
    {
        "base64" => DecodeBase64(body.Span),
        "quoted-printable" => DecodeQuotedPrintable(body.Span),
        _ => body,
    };

    public static ReadOnlyMemory<byte> DecodeBase64(ReadOnlySpan<byte> body)
    {
        var output = new byte[Base64.GetMaxDecodedFromUtf8Length(body.Length) + 3];
        var status = Base64.DecodeFromUtf8(body, output, out var consumed, out var written);
        if (status == OperationStatus.Done && consumed == body.Length)
        {
            return output.AsMemory(0, written);
        }

        return DecodeBase64Slow(body, output);
    }

    private static ReadOnlyMemory<byte> DecodeBase64Slow(ReadOnlySpan<byte> body, byte[] output)
    {
        var n = 0;
        var quad = 0;
        var bits = 0;
        foreach (var b in body)
        {
            var v = Base64Value(b);
            if (v < 0)
            {
                if (b == '=' && bits > 0)
                {
                    break;
                }

                continue;
            }

            quad = (quad << 6) | v;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                output[n++] = (byte)(quad >> bits);
                quad &= (1 << bits) - 1;
            }
        }

        return output.AsMemory(0, n);
    }

    private static int Base64Value(byte b) => b switch
    {
        >= (byte)'A' and <= (byte)'Z' => b - 'A',
        >= (byte)'a' and <= (byte)'z' => b - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => b - '0' + 52,
        (byte)'+' or (byte)'-' => 62,
        (byte)'/' or (byte)'_' => 63,
        _ => -1,
    };

    public static ReadOnlyMemory<byte> DecodeQuotedPrintable(ReadOnlySpan<byte> body)
    {
        var output = new byte[body.Length];
        var n = 0;
        var kept = 0;
        var i = 0;
        while (i < body.Length)
        {
            var eq = body[i..].IndexOfAny((byte)'=', (byte)'\n');
            if (eq < 0)
            {
                body[i..].CopyTo(output.AsSpan(n));
                n += body.Length - i;
                break;
            }

            body.Slice(i, eq).CopyTo(output.AsSpan(n));
            n += eq;
            i += eq;
            if (body[i] == '\n')
            {
                var crlf = n > kept && output[n - 1] == '\r';
                n -= crlf ? 1 : 0;
                while (n > kept && output[n - 1] is (byte)' ' or (byte)'\t')
                {
                    n--;
                }

                if (crlf)
                {
                    output[n++] = (byte)'\r';
                }

                output[n++] = (byte)'\n';
                kept = n;
                i++;
                continue;
            }

            if (i + 2 < body.Length && HexDigits.TryPair(body[i + 1], body[i + 2], out var value))
            {
                output[n++] = value;
                kept = n;
                i += 3;
                continue;
            }

            var j = i + 1;
            while (j < body.Length && body[j] is (byte)' ' or (byte)'\t')
            {
                j++;
            }

            if (j >= body.Length || body[j] is (byte)'\r' or (byte)'\n')
            {
                i = j < body.Length && body[j] == '\r' ? j + 1 : j;
                i = i < body.Length && body[i] == '\n' ? i + 1 : i;
                kept = n;
                continue;
            }

            output[n++] = (byte)'=';
            kept = n;
            i++;
        }

        return output.AsMemory(0, n);
    }
}
