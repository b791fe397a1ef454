using System.Globalization;
using System.Text;

namespace SuperTickets.Mail.Net.Imap;

/// <summary>Formats UIDs as a compact sequence set: <c>1:4,7,9:12</c>.</summary>
internal static class ImapUidSet
{
    public static string Format(IEnumerable<uint> uids)
    {
        var sorted = uids.Where(u => u > 0).Distinct().Order().ToArray();
        var result = new StringBuilder();
        for (var i = 0; i < sorted.Length; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Length && sorted[i + 1] == sorted[i] + 1)
            {
                i++;
            }

            if (result.Length > 0)
            {
                result.Append(',');
            }

            result.Append(start.ToString(CultureInfo.InvariantCulture));
            if (sorted[i] != start)
            {
                result.Append(':').Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }
}
