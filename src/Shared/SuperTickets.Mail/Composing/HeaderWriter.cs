using System.Text;

namespace SuperTickets.Mail.Composing;

/// <summary>Writes header fields: RFC 2047 B-encoding (UTF-8) for non-ASCII text, folding at 78 characters.</summary>
internal sealed class HeaderWriter(StringBuilder sb)
{
    private const int MaxLine = 78;
    private const int MaxPayloadBytes = 45;

    public void Raw(string name, string value) => sb.Append(name).Append(": ").Append(value).Append("\r\n");

    /// <summary>An unstructured field (Subject, extra headers): folded ASCII words or encoded words.</summary>
    public void Text(string name, string value)
    {
        value = Clean(value);
        sb.Append(name).Append(':');
        var column = name.Length + 1;
        if (IsPlainAscii(value))
        {
            foreach (var word in value.Split(' '))
            {
                if (column + 1 + word.Length > MaxLine && column > name.Length + 1)
                {
                    sb.Append("\r\n");
                    column = 0;
                }

                sb.Append(' ').Append(word);
                column += 1 + word.Length;
            }
        }
        else
        {
            AppendEncodedWords(value, ref column);
        }

        sb.Append("\r\n");
    }

    /// <summary>An address list with display names quoted or encoded, one mailbox per folded line when long.</summary>
    public void Addresses(string name, IReadOnlyList<MailAddress> addresses)
    {
        if (addresses.Count == 0)
        {
            return;
        }

        sb.Append(name).Append(':');
        var column = name.Length + 1;
        for (var i = 0; i < addresses.Count; i++)
        {
            var address = addresses[i];
            var angle = "<" + Clean(address.Address).Replace(" ", string.Empty) + ">" + (i < addresses.Count - 1 ? "," : string.Empty);
            var display = string.IsNullOrWhiteSpace(address.Name) ? null : Clean(address.Name);
            if (display is null)
            {
                Word(angle, ref column);
            }
            else if (IsPlainAscii(display))
            {
                Word(NeedsQuotes(display) ? Quote(display) : display, ref column);
                Word(angle, ref column);
            }
            else
            {
                AppendEncodedWords(display, ref column);
                Word(angle, ref column);
            }
        }

        sb.Append("\r\n");
    }

    /// <summary>msg-id list (Message-ID, In-Reply-To, References), each in angle brackets.</summary>
    public void Ids(string name, IEnumerable<string> ids)
    {
        var list = ids.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => "<" + i.Trim().Trim('<', '>') + ">").ToList();
        if (list.Count == 0)
        {
            return;
        }

        sb.Append(name).Append(':');
        var column = name.Length + 1;
        foreach (var id in list)
        {
            Word(id, ref column);
        }

        sb.Append("\r\n");
    }

    private void Word(string word, ref int column)
    {
        if (column + 1 + word.Length > MaxLine && column > 0)
        {
            sb.Append("\r\n");
            column = 0;
        }

        sb.Append(' ').Append(word);
        column += 1 + word.Length;
    }

    private void AppendEncodedWords(string text, ref int column)
    {
        var i = 0;
        while (i < text.Length)
        {
            var room = Math.Min(MaxPayloadBytes, (MaxLine - column - 1 - 12) / 4 * 3);
            if (room < 3)
            {
                sb.Append("\r\n");
                column = 0;
                continue;
            }

            var bytes = 0;
            var end = i;
            while (end < text.Length)
            {
                var step = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
                var count = Encoding.UTF8.GetByteCount(text.AsSpan(end, step));
                if (bytes + count > room)
                {
                    break;
                }

                bytes += count;
                end += step;
            }

            if (end == i)
            {
                sb.Append("\r\n");
                column = 0;
                continue;
            }

            var word = "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text[i..end])) + "?=";
            sb.Append(' ').Append(word);
            column += 1 + word.Length;
            i = end;
        }
    }

    private static string Clean(string value) => value.Replace("\r", string.Empty).Replace("\n", " ").Replace("\t", " ");

    private static bool IsPlainAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return !value.Contains("=?", StringComparison.Ordinal) && value.Split(' ').All(w => w.Length <= MaxLine - 10);
    }

    private static bool NeedsQuotes(string name) => name.AsSpan().IndexOfAny("()<>[]:;@\\,.\"") >= 0;

    private static string Quote(string name) => "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
