using System.Text;

namespace SuperTickets.Data.Knowledge;

/// <summary>
/// Reduces free text to plain words (runs of Unicode letters and digits, lowercased, de-duplicated, in order)
/// so that no input can reach a search engine as syntax: quotes, operators, column filters and SQL are just
/// split into words or dropped.
/// </summary>
public static class KbSearchTerms
{
    /// <summary>At most this many words are searched (the first ones: the subject comes first in emails).</summary>
    public const int MaxWords = 24;

    public static IReadOnlyList<string> Words(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var current = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (current.Length >= 2 && seen.Add(current.ToString()) && words.Count < MaxWords)
            {
                words.Add(current.ToString());
            }

            current.Clear();
        }

        return words;
    }

    /// <summary>An FTS5 MATCH expression: every word as a quoted string, joined by OR.</summary>
    public static string Fts5Match(IReadOnlyList<string> words) =>
        string.Join(" OR ", words.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>Input for websearch_to_tsquery: the words joined by its "or" operator.</summary>
    public static string WebSearchOr(IReadOnlyList<string> words) => string.Join(" or ", words);
}
