using System.Text;

namespace SuperTickets.Mail.Net.Imap;

/// <summary>
/// Reads and parses server responses. A response is one line, or several lines joined by literals
/// (<c>{n}</c> at the end of a line followed by exactly n octets); status responses never carry literals.
/// </summary>
internal static class ImapResponseParser
{
    private static readonly string[] StatusWords = ["OK", "NO", "BAD", "BYE", "PREAUTH"];

    public static async Task<ImapResponse> ReadAsync(MailConnection connection, long maxLiteralSize, CancellationToken ct, TimeSpan? firstLineTimeout = null)
    {
        var line = await connection.ReadLineAsync(ct, firstLineTimeout);
        var segments = new List<ImapSegment>();
        if (!IsStatusLine(line))
        {
            while (TryGetLiteralLength(line, out var length))
            {
                if (length > maxLiteralSize)
                {
                    throw new ImapException($"The server announced a literal of {length} octets, above the limit of {maxLiteralSize}.");
                }

                var literal = await connection.ReadExactAsync((int)length, ct);
                segments.Add(new ImapSegment(line, literal));
                line = await connection.ReadLineAsync(ct);
            }
        }

        segments.Add(new ImapSegment(line, null));
        return Parse(segments);
    }

    public static ImapResponse Parse(IReadOnlyList<ImapSegment> segments)
    {
        var first = segments[0].Line;
        if (first.Length > 0 && first[0] == (byte)'+')
        {
            var text = Encoding.UTF8.GetString(first.AsSpan(first.Length > 1 && first[1] == (byte)' ' ? 2 : 1));
            return new ImapResponse(ImapResponseKind.Continuation, "+", null, null, text, []);
        }

        var space = Array.IndexOf(first, (byte)' ');
        if (space <= 0)
        {
            throw new ImapException($"Malformed response from the server: '{Describe(first)}'.");
        }

        var tag = Encoding.ASCII.GetString(first, 0, space);
        var kind = tag == "*" ? ImapResponseKind.Untagged : ImapResponseKind.Tagged;
        if (IsStatusLine(first))
        {
            return ParseStatus(kind, tag, Encoding.UTF8.GetString(first, space + 1, first.Length - space - 1));
        }

        if (kind == ImapResponseKind.Tagged)
        {
            throw new ImapException($"Malformed tagged response from the server: '{Describe(first)}'.");
        }

        var tokens = new ImapTokenizer(segments, space + 1).ReadAll();
        return new ImapResponse(kind, tag, null, null, Encoding.UTF8.GetString(first), tokens);
    }

    private static ImapResponse ParseStatus(ImapResponseKind kind, string tag, string rest)
    {
        var parts = rest.Split(' ', 2);
        var status = parts[0].ToUpperInvariant();
        var text = parts.Length > 1 ? parts[1] : string.Empty;
        string? code = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close > 0)
            {
                code = text[1..close];
                text = text[(close + 1)..].TrimStart();
            }
        }

        return new ImapResponse(kind, tag, status, code, text, []);
    }

    private static bool IsStatusLine(byte[] line)
    {
        var space = Array.IndexOf(line, (byte)' ');
        if (space <= 0 || line[0] == (byte)'+')
        {
            return false;
        }

        if (line[0] != (byte)'*')
        {
            return true;
        }

        var wordEnd = Array.IndexOf(line, (byte)' ', space + 1);
        var word = Encoding.ASCII.GetString(line, space + 1, (wordEnd < 0 ? line.Length : wordEnd) - space - 1);
        return StatusWords.Contains(word, StringComparer.OrdinalIgnoreCase);
    }

    internal static bool TryGetLiteralLength(byte[] line, out long length)
    {
        length = 0;
        if (line.Length < 3 || line[^1] != (byte)'}')
        {
            return false;
        }

        var open = Array.LastIndexOf(line, (byte)'{');
        if (open < 0)
        {
            return false;
        }

        var digits = line.AsSpan(open + 1, line.Length - open - 2);
        if (digits.Length > 0 && digits[^1] == (byte)'+')
        {
            digits = digits[..^1];
        }

        return digits.Length is > 0 and <= 12
            && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            && long.TryParse(digits, out length);
    }

    private static string Describe(byte[] line) =>
        Encoding.UTF8.GetString(line.AsSpan(0, Math.Min(line.Length, 120)));
}
