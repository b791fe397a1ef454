namespace SuperTickets.Triage.Text;

/// <summary>
/// Detects en, de, fr, es, pt, it, nl with a naive Bayes model over character 1-3-grams, and Japanese by
/// script (kana and kanji). Thread-safe; use <see cref="Default"/>.
/// </summary>
public sealed class LanguageDetector
{
    private const int MaxChars = 2000;
    private const string Fallback = "en";
    private static readonly Lazy<LanguageDetector> Shared = new(() => new LanguageDetector(LanguageProfiles.Load()));
    private readonly LanguageProfiles _profiles;

    private LanguageDetector(LanguageProfiles profiles) => _profiles = profiles;

    public static LanguageDetector Default => Shared.Value;

    /// <summary>Languages this detector can answer.</summary>
    public static IReadOnlyList<string> Languages { get; } = [.. LanguageProfiles.Codes, "ja"];

    /// <summary>
    /// Guesses the language of <paramref name="text"/>. Text without letters gives English with confidence 0.
    /// </summary>
    public LanguageGuess Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        var (letters, japanese, kana) = CountScripts(span);
        if (letters == 0) return new LanguageGuess(Fallback, 0f);
        var japaneseShare = (float)japanese / letters;
        if (japaneseShare >= 0.3f)
            return new LanguageGuess("ja", kana > 0 ? Math.Min(1f, 0.6f + japaneseShare * 0.4f) : 0.6f);

        var codes = LanguageProfiles.Codes;
        var scores = new double[codes.Length];
        var ngrams = 0;
        NgramScanner.Scan(span, (key, order) =>
        {
            ngrams++;
            var logs = _profiles.Table.TryGetValue(key, out var known) ? known : _profiles.Unseen[order - 1];
            for (var l = 0; l < scores.Length; l++) scores[l] += logs[l];
        });

        var best = 0;
        for (var l = 1; l < scores.Length; l++) if (scores[l] > scores[best]) best = l;
        var sum = 0.0;
        foreach (var s in scores) sum += Math.Exp((s - scores[best]) / Math.Max(1.0, ngrams / 12.0));
        return new LanguageGuess(codes[best], (float)(1 / sum));
    }

    private static (int Letters, int Japanese, int Kana) CountScripts(ReadOnlySpan<char> text)
    {
        int letters = 0, japanese = 0, kana = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\u3040' and <= '\u30FF' or >= '\uFF66' and <= '\uFF9F')
            {
                kana++;
                japanese++;
            }
            else if (c is >= '\u4E00' and <= '\u9FFF')
            {
                japanese++;
            }
        }
        return (letters, japanese, kana);
    }
}
