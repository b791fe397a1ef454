namespace SuperTickets.Knowledge;

/// <summary>One search result.</summary>
/// <param name="Article">The matching article.</param>
/// <param name="Score">Reciprocal-rank-fusion score of the text and vector rankings; only comparable within one search.</param>
/// <param name="Similarity">Cosine similarity of the query and article embeddings, clamped to 0..1.</param>
/// <param name="TextScore">BM25 score of the article for the query (0 when no query term occurs in it).</param>
public sealed record KbHit(KbArticle Article, double Score, double Similarity, double TextScore);
