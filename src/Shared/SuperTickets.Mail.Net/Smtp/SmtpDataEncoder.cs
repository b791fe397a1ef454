using System.Buffers;

namespace SuperTickets.Mail.Net.Smtp;

/// <summary>
/// Prepares a message for DATA: every line ending becomes CRLF (bare LF and bare CR included), lines starting
/// with a dot get another one (RFC 5321 section 4.5.2), and the terminating <c>CRLF . CRLF</c> is appended.
/// </summary>
internal static class SmtpDataEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> message)
    {
        var output = new ArrayBufferWriter<byte>(message.Length + message.Length / 50 + 8);
        var atLineStart = true;
        for (var i = 0; i < message.Length; i++)
        {
            var b = message[i];
            if (b == (byte)'\r' || b == (byte)'\n')
            {
                if (b == (byte)'\r' && i + 1 < message.Length && message[i + 1] == (byte)'\n')
                {
                    i++;
                }

                output.Write("\r\n"u8);
                atLineStart = true;
                continue;
            }

            var run = message[i..].IndexOfAny((byte)'\r', (byte)'\n');
            var length = run < 0 ? message.Length - i : run;
            if (atLineStart && b == (byte)'.')
            {
                output.Write("."u8);
            }

            output.Write(message.Slice(i, length));
            i += length - 1;
            atLineStart = false;
        }

        output.Write(atLineStart && message.Length > 0 ? ".\r\n"u8 : "\r\n.\r\n"u8);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>True when the message holds octets above 127 (needs 8BITMIME).</summary>
    public static bool HasEightBit(ReadOnlySpan<byte> message) => message.ContainsAnyExceptInRange((byte)0, (byte)127);
}
