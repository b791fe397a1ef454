namespace SuperTickets.Knowledge.Import;

/// <summary>
/// Reads the YAML subset used by article files: a block between two <c>---</c> lines holding
/// <c>key: value</c> pairs (plain, single- or double-quoted) and one flow list <c>tags: [a, b]</c>.
/// </summary>
internal static class FrontMatterReader
{
    private static readonly string[] Keys = ["id", "title", "category", "tags", "language", "updated"];

    public static FrontMatter Read(string fileName, string[] lines)
    {
        var first = 0;
        while (first < lines.Length && lines[first].Trim().Length == 0)
        {
            first++;
        }

        if (first == lines.Length || lines[first].Trim() != "---")
        {
            throw new KbFormatException(fileName, Math.Min(first, lines.Length - 1) + 1, "expected front matter starting with '---'");
        }

        var result = new FrontMatter();
        for (var i = first + 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim() == "---")
            {
                result.EndLine = i + 1;
                result.BodyStart = i + 1;
                return result;
            }

            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            ReadPair(fileName, i + 1, line, result);
        }

        throw new KbFormatException(fileName, first + 1, "front matter is not closed with '---'");
    }

    private static void ReadPair(string fileName, int lineNumber, string line, FrontMatter result)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || char.IsWhiteSpace(line[0]))
        {
            throw new KbFormatException(fileName, lineNumber, $"expected 'key: value' or a closing '---' but found '{Shorten(line)}'");
        }

        var key = line[..colon].Trim();
        if (!Keys.Contains(key))
        {
            throw new KbFormatException(fileName, lineNumber, $"unknown key '{key}' (allowed: {string.Join(", ", Keys)})");
        }

        if (result.Scalars.ContainsKey(key) || (key == "tags" && result.Tags is not null))
        {
            throw new KbFormatException(fileName, lineNumber, $"duplicate key '{key}'");
        }

        var raw = line[(colon + 1)..].Trim();
        if (key == "tags")
        {
            result.Tags = (ReadList(fileName, lineNumber, raw), lineNumber);
            return;
        }

        result.Scalars[key] = (Unquote(fileName, lineNumber, raw), lineNumber);
    }

    private static List<string> ReadList(string fileName, int lineNumber, string raw)
    {
        if (raw.Length < 2 || raw[0] != '[' || raw[^1] != ']')
        {
            throw new KbFormatException(fileName, lineNumber, "tags must be a list in brackets, e.g. [password, login]");
        }

        var inner = raw[1..^1].Trim();
        if (inner.Length == 0)
        {
            return [];
        }

        var items = new List<string>();
        foreach (var part in inner.Split(','))
        {
            var item = Unquote(fileName, lineNumber, part.Trim());
            if (item.Length == 0)
            {
                throw new KbFormatException(fileName, lineNumber, "tags contain an empty item");
            }

            items.Add(item);
        }

        return items;
    }

    private static string Unquote(string fileName, int lineNumber, string raw)
    {
        if (raw.Length > 0 && raw[0] is '"' or '\'')
        {
            if (raw.Length < 2 || raw[^1] != raw[0])
            {
                throw new KbFormatException(fileName, lineNumber, "unterminated quoted value");
            }

            var inner = raw[1..^1];
            return raw[0] == '\'' ? inner.Replace("''", "'") : inner.Replace("\\\"", "\"").Replace("\\\\", "\\");
        }

        var comment = raw.IndexOf(" #", StringComparison.Ordinal);
        return comment >= 0 ? raw[..comment].TrimEnd() : raw;
    }

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";
}
