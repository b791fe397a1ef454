namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// Confidence that the top candidate alone answers the query: a logistic function of four pieces of
/// evidence, each in 0..1 — the cosine similarity of query and article, the BM25 margin of the top article
/// over the runner-up, whether text and vector rankings agree on the top article, and the share of query
/// terms the article contains. Weights were chosen on the labelled sample queries.
/// </summary>
internal static class AnswerConfidence
{
    private const double Bias = -7.0;
    private const double SimilarityWeight = 6.0;
    private const double MarginWeight = 3.0;
    private const double AgreementWeight = 2.0;
    private const double CoverageWeight = 3.0;

    public static double Compute(IndexSnapshot snapshot, Vocabulary vocabulary, IReadOnlyList<string> stems, IReadOnlyList<Candidate> candidates)
    {
        var best = candidates[0];
        var z = Bias
            + (SimilarityWeight * best.Similarity)
            + (MarginWeight * Margin(candidates))
            + (AgreementWeight * (best.TextRank == 1 && best.VectorRank == 1 ? 1 : 0))
            + (CoverageWeight * Coverage(snapshot.Docs[best.Ordinal], vocabulary, stems));
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>How far the best BM25 score leads the runner-up, relative to the best (0 when tied or absent).</summary>
    public static double Margin(IReadOnlyList<Candidate> candidates)
    {
        var first = candidates[0].TextScore;
        var second = candidates.Count > 1 ? candidates[1].TextScore : 0;
        return first <= 0 ? 0 : Math.Max(0, (first - second) / first);
    }

    /// <summary>Share of the query's stems that occur in the article.</summary>
    public static double Coverage(AnalyzedArticle doc, Vocabulary vocabulary, IReadOnlyList<string> stems)
    {
        if (stems.Count == 0)
        {
            return 0;
        }

        var found = 0;
        foreach (var stem in stems)
        {
            if (vocabulary.TryGet(stem, out var id) && Array.IndexOf(doc.TermIds, id) >= 0)
            {
                found++;
            }
        }

        return (double)found / stems.Count;
    }
}
