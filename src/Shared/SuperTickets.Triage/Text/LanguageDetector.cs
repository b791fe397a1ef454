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
        var scorer = new Scorer(_profiles, new double[codes.Length]);
        NgramScanner.Scan(span, ref scorer);
        var (scores, ngrams) = (scorer.Scores, scorer.Ngrams);

        var best = 0;
        for (var l = 1; l < scores.Length; l++) if (scores[l] > scores[best]) best = l;
        var sum = 0.0;
        foreach (var s in scores) sum += Math.Exp((s - scores[best]) / Math.Max(1.0, ngrams / 12.0));
        return new LanguageGuess(codes[best], (float)(1 / sum));
    }

    /// <summary>Adds each n-gram's per-language log-probability (or the unseen one of its order) to the scores.</summary>
    private struct Scorer(LanguageProfiles profiles, double[] scores) : NgramScanner.IVisitor
    {
        public readonly double[] Scores = scores;
        public int Ngrams;

        public void Visit(ulong key, int order)
        {
            Ngrams++;
            var logs = profiles.Logs.AsSpan(profiles.RowOf(key, order), LanguageProfiles.Codes.Length);
            var sums = Scores;
            for (var l = 0; l < logs.Length; l++) sums[l] += logs[l];
        }
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
