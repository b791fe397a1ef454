namespace SuperTickets.Knowledge.Query;

/// <summary>
/// A query ready for retrieval: its unique stems (subject first) with their weights, the subject's stems on
/// their own, the text to embed, the concerns found in the original text, and the distinct folded words
/// (stop words, greeting and sign-off removed; subject first) for engines that do their own stemming.
/// </summary>
internal sealed record AnalyzedQuery(
    IReadOnlyList<string> Stems,
    IReadOnlyDictionary<string, float> Weights,
    IReadOnlyList<string> SubjectStems,
    string EmbeddingText,
    IReadOnlyList<KbConcern> Concerns,
    IReadOnlyList<string> KeyWords);
