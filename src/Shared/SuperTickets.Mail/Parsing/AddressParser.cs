using System.Text;

namespace SuperTickets.Mail.Parsing;

/// <summary>Lenient RFC 5322 address-list parser: groups, comments, quoted and encoded display names, bare addresses.</summary>
internal static class AddressParser
{
    private const int MaxAddresses = 1000;

    public static List<MailAddress> ParseList(string? text)
    {
        var result = new List<MailAddress>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var start = 0;
        var depthComment = 0;
        var inQuotes = false;
        var inAngle = false;
        for (var i = 0; i <= text.Length && result.Count < MaxAddresses; i++)
        {
            var c = i < text.Length ? text[i] : ',';
            if (c == '=' && !inQuotes && depthComment == 0 && EncodedWordEnd(text, i) is var wordEnd and > 0)
            {
                i = wordEnd - 1;
                continue;
            }

            if (inQuotes)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }

                if (i < text.Length)
                {
                    continue;
                }
            }

            switch (c)
            {
                case '\\' when depthComment > 0:
                    i++;
                    continue;
                case '(':
                    depthComment++;
                    continue;
                case ')' when depthComment > 0:
                    depthComment--;
                    continue;
            }

            if (depthComment > 0 && i < text.Length)
            {
                continue;
            }

            switch (c)
            {
                case '"':
                    inQuotes = true;
                    break;
                case '<':
                    inAngle = true;
                    break;
                case '>':
                    inAngle = false;
                    break;
                case ':' when !inAngle && !text.AsSpan(start, i - start).Contains('@'):
                    start = i + 1;
                    break;
                case ',' or ';' when !inAngle || i >= text.Length:
                    AddMailbox(text.AsSpan(start, Math.Min(i, text.Length) - start), result);
                    start = i + 1;
                    break;
            }
        }

        return result;
    }

    /// <summary>Index just past an encoded word starting at <paramref name="i"/>, or -1; such words are never split.</summary>
    private static int EncodedWordEnd(string text, int i)
    {
        if (i + 1 >= text.Length || text[i + 1] != '?')
        {
            return -1;
        }

        var end = text.IndexOf("?=", i + 2, StringComparison.Ordinal);
        if (end < 0 || end - i > 400)
        {
            return -1;
        }

        var word = text.AsSpan(i, end - i);
        return word.Count('?') >= 3 && !word.ContainsAny(' ', '\t') ? end + 2 : -1;
    }

    private static void AddMailbox(ReadOnlySpan<char> segment, List<MailAddress> result)
    {
        segment = segment.Trim();
        if (segment.IsEmpty)
        {
            return;
        }

        var lt = IndexOutsideQuotes(segment, '<');
        if (lt >= 0)
        {
            var gt = segment[lt..].IndexOf('>');
            var inner = gt < 0 ? segment[(lt + 1)..] : segment.Slice(lt + 1, gt - 1);
            var routeEnd = inner.LastIndexOf(':');
            if (routeEnd >= 0 && inner.StartsWith("@"))
            {
                inner = inner[(routeEnd + 1)..];
            }

            var address = StripComments(inner).Trim().Trim('"').ToString();
            var name = DisplayName(segment[..lt]);
            if (address.Length > 0 || name is not null)
            {
                result.Add(new MailAddress(name, address));
            }

            return;
        }

        var comment = Comment(segment);
        var bare = StripComments(segment).Trim().ToString();
        if (bare.Length == 0 || (bare.AsSpan().ContainsAny(' ', '\t') && !bare.Contains('@')))
        {
            return;
        }

        result.Add(new MailAddress(comment is null ? null : EncodedWords.Decode(comment), bare.Replace(" ", string.Empty)));
    }

    private static string? DisplayName(ReadOnlySpan<char> raw)
    {
        var sb = new StringBuilder(raw.Length);
        var inQuotes = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\\' && inQuotes && i + 1 < raw.Length)
            {
                sb.Append(raw[++i]);
            }
            else
            {
                sb.Append(c);
            }
        }

        var name = EncodedWords.Decode(sb.ToString().Trim()).Trim();
        return name.Length == 0 ? null : name;
    }

    private static int IndexOutsideQuotes(ReadOnlySpan<char> s, char target)
    {
        var inQuotes = false;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && inQuotes)
            {
                i++;
            }
            else if (s[i] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (s[i] == target && !inQuotes)
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Comment(ReadOnlySpan<char> s)
    {
        var open = s.IndexOf('(');
        var close = s.LastIndexOf(')');
        if (open < 0 || close <= open)
        {
            return null;
        }

        var text = s.Slice(open + 1, close - open - 1).Trim().Trim('"');
        return text.IsEmpty ? null : text.ToString();
    }

    private static ReadOnlySpan<char> StripComments(ReadOnlySpan<char> s)
    {
        if (s.IndexOf('(') < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        var depth = 0;
        foreach (var c in s)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
