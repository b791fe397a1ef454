using System.Text;

namespace SuperTickets.Mail.Parsing;

/// <summary>Scans a header block (RFC 5322 with obsolete syntax) and records field offsets without copying.</summary>
internal static class HeaderBlock
{
    private const int MaxHeaders = 2000;

    /// <summary>Parses headers starting at <paramref name="start"/>; returns the offset where the body begins.</summary>
    public static int Parse(ReadOnlySpan<byte> data, int start, int end, List<RawHeader> headers, List<string> defects, bool allowMboxFrom)
    {
        var pos = start;
        var first = true;
        if (allowMboxFrom && data[start..end].StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            pos += 3;
        }

        while (pos < end)
        {
            var rest = data[pos..end];
            var nl = rest.IndexOf((byte)'\n');
            var lineLength = nl < 0 ? rest.Length : nl;
            var next = nl < 0 ? end : pos + nl + 1;
            var line = rest[..lineLength];
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                return next;
            }

            if (first && allowMboxFrom && (line.StartsWith("From "u8) || line.StartsWith(">From "u8)))
            {
                first = false;
                pos = next;
                continue;
            }

            first = false;
            if (line[0] is (byte)' ' or (byte)'\t')
            {
                if (headers.Count > 0)
                {
                    var last = headers[^1];
                    headers[^1] = last with { ValueEnd = pos + line.Length };
                }
                else if (!line.Trim(" \t"u8).IsEmpty)
                {
                    defects.Add("continuation line before the first header");
                }

                pos = next;
                continue;
            }

            var colon = line.IndexOf((byte)':');
            var nameLength = colon < 0 ? -1 : TrimmedNameLength(line[..colon]);
            if (nameLength <= 0)
            {
                if (headers.Count > 0 && next < end && StartsWithFieldName(data[next..end]))
                {
                    defects.Add("invalid header line");
                    pos = next;
                    continue;
                }

                defects.Add(headers.Count == 0 && colon < 0 ? "missing headers" : "missing header/body separator");
                return pos;
            }

            if (line[..nameLength].Contains((byte)' '))
            {
                defects.Add("invalid header field name");
            }

            if (headers.Count < MaxHeaders)
            {
                headers.Add(new RawHeader(pos, nameLength, pos + colon + 1, pos + line.Length));
            }
            else if (headers.Count == MaxHeaders)
            {
                defects.Add("too many header fields");
            }

            pos = next;
        }

        if (headers.Count > 0 && end > start && data[end - 1] != '\n')
        {
            defects.Add("headers not followed by a blank line");
        }

        return end;
    }

    /// <summary>Length of a header name with trailing whitespace removed, or -1 when it is not a plausible field name.</summary>
    private static int TrimmedNameLength(ReadOnlySpan<byte> name)
    {
        var n = name.Length;
        while (n > 0 && name[n - 1] is (byte)' ' or (byte)'\t')
        {
            n--;
        }

        if (n == 0 || n > 76)
        {
            return -1;
        }

        var spaces = 0;
        for (var i = 0; i < n; i++)
        {
            var b = name[i];
            if (b == ' ')
            {
                spaces++;
                continue;
            }

            if (b is < 33 or > 126)
            {
                return -1;
            }
        }

        return spaces > 1 ? -1 : n;
    }

    /// <summary>True when the line starts with a conventional field name ("X-Name:"), used to resynchronise after a broken line.</summary>
    private static bool StartsWithFieldName(ReadOnlySpan<byte> line)
    {
        var limit = Math.Min(line.Length, 64);
        for (var i = 0; i < limit; i++)
        {
            var b = line[i];
            if (b == ':')
            {
                return i > 0;
            }

            if (!(char.IsAsciiLetterOrDigit((char)b) || b == '-'))
            {
                return false;
            }
        }

        return false;
    }

    public static string Name(ReadOnlySpan<byte> data, RawHeader header) =>
        Encoding.Latin1.GetString(data.Slice(header.NameStart, header.NameLength));
}
