namespace SuperTickets.Knowledge.Retrieval;

/// <summary>BM25 over the field-weighted term frequencies of a snapshot (k1 = 1.2, b = 0.75).</summary>
internal static class Bm25
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>Adds each document's score to <see cref="Scratch.Scores"/> and lists it in <see cref="Scratch.Touched"/>.</summary>
    public static void Score(IndexSnapshot snapshot, IReadOnlyList<int> termIds, Scratch scratch)
    {
        var n = snapshot.Count;
        var avg = snapshot.AverageLength;
        var docs = snapshot.Docs;
        var scores = scratch.Scores;
        foreach (var t in termIds)
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

            var idf = Idf(n, df);
            var ids = posting.Docs;
            var freqs = posting.Frequencies;
            for (var i = 0; i < ids.Length; i++)
            {
                var d = ids[i];
                var tf = freqs[i];
                var norm = K1 * (1f - B + (B * docs[d].Length / avg));
                if (scores[d] == 0f)
                {
                    scratch.Touched.Add(d);
                }

                scores[d] += idf * tf * (K1 + 1f) / (tf + norm);
            }
        }
    }

    public static float Idf(int n, int df) => MathF.Log(1f + ((n - df + 0.5f) / (df + 0.5f)));
}
