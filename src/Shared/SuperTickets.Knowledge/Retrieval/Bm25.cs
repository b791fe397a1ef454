namespace SuperTickets.Knowledge.Retrieval;

/// <summary>BM25 over the field-weighted term frequencies of a snapshot (k1 = 1.2, b = 0.75).</summary>
internal static class Bm25
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>Adds each document's score (each term's contribution scaled by its weight) to <see cref="Scratch.Scores"/> and lists it in <see cref="Scratch.Touched"/>.</summary>
    public static void Score(IndexSnapshot snapshot, IReadOnlyList<QueryTerm> terms, Scratch scratch)
    {
        var n = snapshot.Count;
        var norms = snapshot.LengthNorms;
        var scores = scratch.Scores;
        foreach (var (t, weight, _) in terms)
        {
            if (t >= snapshot.Postings.Length)
            {
                continue;
            }

            var posting = snapshot.Postings[t];
            var df = posting.Docs.Length;
            if (df == 0)
            {
                continue;
            }

            var idf = weight * Idf(n, df);
            var ids = posting.Docs;
            var freqs = posting.Frequencies;
            for (var i = 0; i < ids.Length; i++)
            {
                var d = ids[i];
                var tf = freqs[i];
                var norm = norms[d];
                if (scores[d] == 0f)
                {
                    scratch.Touched.Add(d);
                }

                scores[d] += idf * tf * (K1 + 1f) / (tf + norm);
            }
        }
    }

    /// <summary>The score a document would get with every term at saturating frequency.</summary>
    public static double MaxScore(IndexSnapshot snapshot, IReadOnlyList<QueryTerm> terms)
    {
        var max = 0.0;
        foreach (var (t, weight, exact) in terms)
        {
            var df = t < snapshot.Postings.Length ? snapshot.Postings[t].Docs.Length : 0;
            if (df > 0 && exact)
            {
                max += weight * Idf(snapshot.Count, df) * (K1 + 1f);
            }
        }

        return max;
    }

    public static float[] LengthNorms(AnalyzedArticle[] docs, float averageLength)
    {
        var norms = new float[docs.Length];
        for (var d = 0; d < docs.Length; d++)
        {
            norms[d] = K1 * (1f - B + (B * docs[d].Length / averageLength));
        }

        return norms;
    }

    public static float Idf(int n, int df) => MathF.Log(1f + ((n - df + 0.5f) / (df + 0.5f)));
}
