namespace SuperTickets.Triage.Text;

/// <summary>Word valences (-3..3), negators, intensifiers and dampeners for support mail (en, de, fr, es).</summary>
internal static class SentimentLexicon
{
    public static readonly IReadOnlyDictionary<string, float> Valence = Build();

    public static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "cannot", "can't", "don't", "doesn't",
        "didn't", "isn't", "wasn't", "aren't", "won't", "wouldn't", "hardly", "without",
        "nicht", "kein", "keine", "keinen", "nie", "niemals", "ne", "pas", "jamais", "non", "nunca", "nada", "tampoco",
    };

    public static readonly IReadOnlyDictionary<string, float> Intensifiers = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        ["very"] = 1.5f, ["really"] = 1.4f, ["extremely"] = 1.8f, ["so"] = 1.3f, ["totally"] = 1.5f, ["completely"] = 1.5f,
        ["absolutely"] = 1.6f, ["incredibly"] = 1.7f, ["super"] = 1.4f, ["truly"] = 1.4f, ["utterly"] = 1.8f,
        ["sehr"] = 1.5f, ["extrem"] = 1.8f, ["total"] = 1.5f, ["wirklich"] = 1.4f, ["très"] = 1.5f, ["vraiment"] = 1.4f,
        ["muy"] = 1.5f, ["realmente"] = 1.4f, ["totalmente"] = 1.5f,
        ["slightly"] = 0.5f, ["somewhat"] = 0.6f, ["bit"] = 0.6f, ["little"] = 0.7f, ["kind"] = 0.7f, ["etwas"] = 0.6f,
        ["peu"] = 0.6f, ["poco"] = 0.6f,
    };

    private static Dictionary<string, float> Build()
    {
        var words = new Dictionary<string, float>(StringComparer.Ordinal);
        Add(words, 3f, "excellent", "amazing", "fantastic", "outstanding", "perfect", "wonderful", "love", "brilliant",
            "superb", "ausgezeichnet", "hervorragend", "perfekt", "génial", "parfait", "excelente", "perfecto", "genial");
        Add(words, 2f, "great", "thanks", "thank", "happy", "glad", "awesome", "helpful", "appreciate", "pleased", "delighted",
            "danke", "toll", "super", "merci", "gracias", "obrigado", "grazie", "content", "contento", "feliz", "prima");
        Add(words, 1f, "good", "nice", "works", "fine", "solved", "fixed", "quick", "fast", "easy", "resolved", "gut",
            "bien", "bueno", "bon", "funciona", "funktioniert", "ok", "okay");
        Add(words, -1f, "problem", "issue", "slow", "confused", "wrong", "error", "fails", "failed", "missing", "broken",
            "stuck", "unfortunately", "leider", "fehler", "problème", "problema", "error", "lento", "lent", "langsam");
        Add(words, -2f, "bad", "poor", "annoying", "annoyed", "frustrated", "frustrating", "disappointed", "disappointing",
            "unhappy", "upset", "useless", "ridiculous", "unacceptable", "angry", "complain", "complaint", "waste", "rude",
            "ignored", "schlecht", "enttäuscht", "ärgerlich", "unzufrieden", "inakzeptabel", "mauvais", "déçu", "mécontent",
            "inacceptable", "malo", "mala", "decepcionado", "molesto", "inaceptable", "queja", "réclamation", "beschwerde");
        Add(words, -3f, "terrible", "awful", "horrible", "worst", "furious", "disgusted", "outrageous", "appalling",
            "scam", "disaster", "pathetic", "hate", "unbelievable", "furchtbar", "schrecklich", "katastrophe", "frechheit",
            "unverschämt", "inadmissible", "nul", "scandaleux", "horrible", "pésimo", "vergonzoso", "fatal");
        return words;
    }

    private static void Add(Dictionary<string, float> words, float valence, params string[] entries)
    {
        foreach (var entry in entries) words[entry] = valence;
    }
}
