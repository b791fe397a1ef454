using System.Reflection;

namespace SuperTickets.Triage.Text;

/// <summary>
/// Character 1-3-gram log-probabilities per language, learned from the sample prose embedded in this
/// library (Resources/Languages/*.txt). Each n-gram maps to one log-probability per language.
/// </summary>
internal sealed class LanguageProfiles
{
    public static readonly string[] Codes = ["en", "de", "fr", "es", "pt", "it", "nl"];

    private LanguageProfiles(Dictionary<ulong, float[]> table, float[][] unseen)
    {
        Table = table;
        Unseen = unseen;
    }

    public Dictionary<ulong, float[]> Table { get; }

    /// <summary>Log-probability of an unseen n-gram, indexed by [order - 1][language].</summary>
    public float[][] Unseen { get; }

    public static LanguageProfiles Load()
    {
        var counts = new Dictionary<ulong, int[]>();
        var totals = new int[3, Codes.Length];
        for (var language = 0; language < Codes.Length; language++)
        {
            var text = ReadResource($"SuperTickets.Triage.Languages.{Codes[language]}.txt");
            var counter = new Counter(counts, totals, language);
            NgramScanner.Scan(text, ref counter);
        }

        var vocabulary = new int[3];
        foreach (var key in counts.Keys) vocabulary[NgramScanner.Order(key) - 1]++;
        var table = new Dictionary<ulong, float[]>(counts.Count);
        foreach (var (key, perLanguage) in counts)
        {
            var order = NgramScanner.Order(key) - 1;
            var logs = new float[Codes.Length];
            for (var l = 0; l < Codes.Length; l++)
                logs[l] = MathF.Log((perLanguage[l] + 0.5f) / (totals[order, l] + 0.5f * vocabulary[order]));
            table[key] = logs;
        }
        var unseen = new float[3][];
        for (var order = 0; order < 3; order++)
        {
            unseen[order] = new float[Codes.Length];
            for (var l = 0; l < Codes.Length; l++)
                unseen[order][l] = MathF.Log(0.5f / (totals[order, l] + 0.5f * vocabulary[order]));
        }
        return new LanguageProfiles(table, unseen);
    }

    private readonly struct Counter(Dictionary<ulong, int[]> counts, int[,] totals, int language) : NgramScanner.IVisitor
    {
        public void Visit(ulong key, int order)
        {
            if (!counts.TryGetValue(key, out var perLanguage)) counts[key] = perLanguage = new int[Codes.Length];
            perLanguage[language]++;
            totals[order - 1, language]++;
        }
    }

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
