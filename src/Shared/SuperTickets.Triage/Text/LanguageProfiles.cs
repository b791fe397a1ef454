using System.Reflection;

namespace SuperTickets.Triage.Text;

/// <summary>
/// Character 1-3-gram log-probabilities per language, learned from the sample prose embedded in this
/// library (Resources/Languages/*.txt). Each n-gram maps to one log-probability per language.
/// </summary>
/// <remarks>
/// Looked up once per n-gram of every email, so the table is open addressing over the keys themselves (a key is never
/// 0: its order sits in the top bits), each slot naming a row of one flat array of log-probabilities, with an unseen
/// n-gram's row for each order after the known ones. With a dictionary of arrays instead, detecting one message
/// took 6.8–7.7 µs against 5.0–5.7 (LanguageDetectionBenchmarks).
/// </remarks>
internal sealed class LanguageProfiles
{
    public static readonly string[] Codes = ["en", "de", "fr", "es", "pt", "it", "nl"];

    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _shift;
    private readonly int _unseenRow;

    private LanguageProfiles(Dictionary<ulong, float[]> table, float[][] unseen)
    {
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, table.Count * 2));
        _keys = new ulong[capacity];
        _rows = new int[capacity];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        Logs = new float[(table.Count + unseen.Length) * Codes.Length];
        var row = 0;
        foreach (var (key, logs) in table)
        {
            var slot = Home(key);
            while (_keys[slot] != 0) slot = (slot + 1) & (capacity - 1);
            _keys[slot] = key;
            _rows[slot] = row * Codes.Length;
            logs.CopyTo(Logs, row++ * Codes.Length);
        }
        _unseenRow = row * Codes.Length;
        foreach (var logs in unseen) logs.CopyTo(Logs, row++ * Codes.Length);
    }

    /// <summary>Rows of <see cref="Codes"/>.Length log-probabilities, one per language.</summary>
    public float[] Logs { get; }

    /// <summary>Where in <see cref="Logs"/> the n-gram's row starts (the unseen row of its order if it is not known).</summary>
    public int RowOf(ulong key, int order)
    {
        var keys = _keys;
        var slot = Home(key);
        while (true)
        {
            var found = keys[slot];
            if (found == key) return _rows[slot];
            if (found == 0) return _unseenRow + (order - 1) * Codes.Length;
            slot = (slot + 1) & (keys.Length - 1);
        }
    }

    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

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
