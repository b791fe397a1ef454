namespace SuperTickets.Triage.Rules;

/// <summary>Finds alert keywords or phrases in text: case-insensitive, on word boundaries.</summary>
public static class AlertMatcher
{
    public static IReadOnlyList<string> Match(string text, IReadOnlyList<string> keywords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(keywords);
        if (keywords.Count == 0) return [];
        var matched = new List<string>();
        foreach (var keyword in keywords)
        {
            var needle = keyword.Trim();
            if (needle.Length > 0 && ContainsWord(text, needle) && !matched.Contains(keyword)) matched.Add(keyword);
        }
        return matched;
    }

    private static bool ContainsWord(string text, string needle)
    {
        var from = 0;
        while (from <= text.Length - needle.Length)
        {
            var at = text.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            var end = at + needle.Length;
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(needle[0]);
            var endsWord = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(needle[^1]);
            if (startsWord && endsWord) return true;
            from = at + 1;
        }
        return false;
    }
}
