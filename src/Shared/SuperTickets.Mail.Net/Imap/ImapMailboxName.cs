using System.Text;

namespace SuperTickets.Mail.Net.Imap;

/// <summary>Modified UTF-7 for mailbox names (RFC 3501 section 5.1.3).</summary>
internal static class ImapMailboxName
{
    public static string Encode(string name)
    {
        var result = new StringBuilder(name.Length);
        var pending = new StringBuilder();
        foreach (var c in name)
        {
            if (c is >= ' ' and <= '~')
            {
                Flush(result, pending);
                result.Append(c == '&' ? "&-" : c.ToString());
            }
            else
            {
                pending.Append(c);
            }
        }

        Flush(result, pending);
        return result.ToString();
    }

    public static string Decode(string name)
    {
        var result = new StringBuilder(name.Length);
        var i = 0;
        while (i < name.Length)
        {
            var end = name[i] == '&' ? name.IndexOf('-', i) : -1;
            if (end < 0)
            {
                result.Append(name[i++]);
                continue;
            }

            var encoded = name[(i + 1)..end].Replace(',', '/');
            result.Append(encoded.Length == 0 ? "&" : Encoding.BigEndianUnicode.GetString(Convert.FromBase64String(encoded.PadRight((encoded.Length + 3) / 4 * 4, '='))));
            i = end + 1;
        }

        return result.ToString();
    }

    private static void Flush(StringBuilder result, StringBuilder pending)
    {
        if (pending.Length == 0)
        {
            return;
        }

        var base64 = Convert.ToBase64String(Encoding.BigEndianUnicode.GetBytes(pending.ToString())).TrimEnd('=').Replace('/', ',');
        result.Append('&').Append(base64).Append('-');
        pending.Clear();
    }
}
