namespace SuperTickets.Triage.Text;

/// <summary>
/// Lexicon-based sentiment in -1..1: word valences, flipped and damped after a negation (three words),
/// scaled by intensifiers, emphasized by ALL-CAPS words and exclamation marks, then squashed.
/// </summary>
public static class SentimentScorer
{
    private const int NegationWindow = 3;
    private const float Squash = 12f;
    private const int MaxChars = 4000;

    public static float Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        var total = 0f;
        var negationLeft = 0;
        var intensity = 1f;
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !IsWordChar(span[i])) i++;
            var start = i;
            while (i < span.Length && IsWordChar(span[i])) i++;
            if (i == start) break;
            var raw = span[start..i];
            var word = raw.ToString().ToLowerInvariant();

            if (SentimentLexicon.Negators.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal))
            {
                negationLeft = NegationWindow;
                continue;
            }
            if (SentimentLexicon.Intensifiers.TryGetValue(word, out var factor))
            {
                intensity *= factor;
                continue;
            }
            if (SentimentLexicon.Valence.TryGetValue(word, out var valence))
            {
                if (raw.Length > 2 && IsAllCaps(raw)) valence *= 1.5f;
                if (negationLeft > 0) valence *= -0.5f;
                total += valence * intensity;
            }
            intensity = 1f;
            if (negationLeft > 0) negationLeft--;
        }

        var exclamations = span.Count('!');
        if (total != 0 && exclamations > 0) total *= 1f + 0.15f * Math.Min(exclamations, 4);
        return total / MathF.Sqrt(total * total + Squash);
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c == '\'';

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }
}
