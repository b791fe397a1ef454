namespace SuperTickets.Knowledge.Text;

/// <summary>
/// A light English suffix stripper: plural and verb endings (-s, -es, -ies, -ed, -ing), -ly, then a final
/// -e and doubled final consonants, so "charges", "charged", "charging" and "charge" share one stem.
/// Stems are index keys, not words; the only requirement is that related forms meet.
/// </summary>
internal static class LightStemmer
{
    public static string Stem(string word)
    {
        var length = StemLength(word, out var appendY);
        return appendY ? string.Concat(word.AsSpan(0, length), "y") : length == word.Length ? word : word[..length];
    }

    /// <summary>
    /// The stem of <paramref name="word"/> without allocating: its first <c>length</c> characters, followed by
    /// a 'y' when <paramref name="appendY"/> is set ("deliveries" → "deliver" + "y").
    /// </summary>
    public static int StemLength(ReadOnlySpan<char> word, out bool appendY)
    {
        appendY = false;
        if (word.Length <= 3 || !char.IsAsciiLetterLower(word[^1]))
        {
            return word.Length;
        }

        var w = StripInflection(word, out appendY);
        if (w.Length > 4 && w.EndsWith("ly"))
        {
            w = w[..^2];
        }

        if (w.Length > 3 && w[^1] == 'e')
        {
            w = w[..^1];
        }

        if (w.Length > 3 && w[^1] == w[^2] && IsConsonant(w[^1]) && w[^1] != 's')
        {
            w = w[..^1];
        }

        return w.Length;
    }

    private static ReadOnlySpan<char> StripInflection(ReadOnlySpan<char> w, out bool appendY)
    {
        appendY = false;
        if (w.Length > 4 && (w.EndsWith("ies") || w.EndsWith("ied")))
        {
            appendY = true;
            return w[..^3];
        }

        if (w.EndsWith("sses") || w.EndsWith("xes") || w.EndsWith("ches") || w.EndsWith("shes"))
        {
            return w[..^2];
        }

        if (w.Length > 3 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            return w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("ing") && HasVowel(w[..^3]))
        {
            return w[..^3];
        }

        if (w.Length > 4 && w.EndsWith("ed") && HasVowel(w[..^2]))
        {
            return w[..^2];
        }

        return w;
    }

    private static bool HasVowel(ReadOnlySpan<char> s) => s.IndexOfAny("aeiouy") >= 0;

    private static bool IsConsonant(char c) => char.IsAsciiLetterLower(c) && "aeiouy".IndexOf(c) < 0;
}
