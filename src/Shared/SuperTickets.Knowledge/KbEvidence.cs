namespace SuperTickets.Knowledge;

/// <summary>
/// What <see cref="KnowledgeIndex.Decide"/> based its confidence on, for logs and audits (holds no query text).
/// All ratios are in 0..1.
/// </summary>
/// <param name="Similarity">Cosine similarity of the query and the top article's embeddings.</param>
/// <param name="Margin">How far the top article's BM25 score leads the best other article, relative to its own.</param>
/// <param name="Agreement">Whether the text and the vector rankings both put the top article first.</param>
/// <param name="Coverage">Share of the query's indexed terms (weighted by rarity and by subject/body) found in the article.</param>
/// <param name="Strength">The article's BM25 score relative to the most any article could score for the query.</param>
/// <param name="SubjectCoverage">Share of the subject's indexed terms, weighted by rarity, found in the article (equals <paramref name="Coverage"/> without a subject).</param>
/// <param name="TitleMatch">Share of the article's title and tag terms, weighted by rarity, that the query mentions.</param>
/// <param name="KnownShare">Share of the query's terms that occur in any article (low for other languages and off-topic mail).</param>
/// <param name="QueryTerms">Number of distinct terms in the query after greeting and sign-off were dropped.</param>
/// <param name="Concerns">Reasons in the message to let a person answer it.</param>
public sealed record KbEvidence(
    double Similarity,
    double Margin,
    bool Agreement,
    double Coverage,
    double Strength,
    double SubjectCoverage,
    double TitleMatch,
    double KnownShare,
    int QueryTerms,
    IReadOnlyList<KbConcern> Concerns);
