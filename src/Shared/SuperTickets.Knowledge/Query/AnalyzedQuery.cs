namespace SuperTickets.Knowledge.Query;

/// <summary>
/// A query ready for retrieval: its unique stems (subject first) with their weights, the subject's stems on
/// their own, the text to embed, and the concerns found in the original text.
/// </summary>
internal sealed record AnalyzedQuery(
    IReadOnlyList<string> Stems,
    IReadOnlyDictionary<string, float> Weights,
    IReadOnlyList<string> SubjectStems,
    string EmbeddingText,
    IReadOnlyList<KbConcern> Concerns);
