using SuperTickets.Knowledge.Query;

namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// One query against one snapshot: BM25 (query words missing from the vocabulary are replaced by terms
/// one edit away, at reduced weight) over the inverted index and brute-force cosine over the embedding
/// blocks (8-bit rows), each cut to its best <c>depth</c> documents with a heap, merged by weighted reciprocal-rank fusion.
/// </summary>
internal sealed class HybridSearch
{
    public const double RrfK = 5;
    public const double TextWeight = 1.0;
    public const double VectorWeight = 0.2;
    private const double UnknownTermBoost = 1.0;
    private const float FuzzyWeight = 0.6f;

    private readonly IndexSnapshot _snapshot;
    private readonly Vocabulary _vocabulary;
    private readonly ITextEmbedder _embedder;

    public HybridSearch(IndexSnapshot snapshot, Vocabulary vocabulary, ITextEmbedder embedder)
    {
        _snapshot = snapshot;
        _vocabulary = vocabulary;
        _embedder = embedder;
    }

    /// <summary>The analyzed query, available after <see cref="Run"/>.</summary>
    public AnalyzedQuery Query { get; private set; } = QueryAnalyzer.Analyze("");

    /// <summary>Query stems that occur in at least one article of the snapshot.</summary>
    public int KnownStems { get; private set; }

    /// <summary>Upper bound of any BM25 score for this query: the sum of idf × (k1 + 1) over exactly matched terms.</summary>
    public double MaxTextScore { get; private set; }

    /// <summary>The best BM25 documents, best first, available after <see cref="Run"/>.</summary>
    public (float Score, int Doc)[] TextRanking { get; private set; } = [];

    public List<Candidate> Run(AnalyzedQuery query, int top, string? language)
    {
        Query = query;
        var terms = new List<QueryTerm>(query.Stems.Count);
        var known = 0;
        foreach (var stem in query.Stems)
        {
            var weight = query.Weights[stem];
            if (IsIndexed(stem, out var id))
            {
                terms.Add(new QueryTerm(id, weight, true));
                known++;
                continue;
            }

            foreach (var similar in _vocabulary.Similar(stem))
            {
                terms.Add(new QueryTerm(similar, weight * FuzzyWeight, false));
            }
        }

        KnownStems = known;

        var depth = Math.Max(top * 4, 40);
        var scratch = Scratch.For(_snapshot.Count);
        try
        {
            Bm25.Score(_snapshot, terms, scratch);
            MaxTextScore = Bm25.MaxScore(_snapshot, terms);
            var textTop = new TopK(depth);
            foreach (var d in scratch.Touched)
            {
                if (Accepts(d, language))
                {
                    textTop.Offer(scratch.Scores[d], d);
                }
            }

            var q = new float[_embedder.Dimensions];
            _embedder.Embed(query.EmbeddingText, q);
            var quantized = new short[q.Length];
            var scale = Int8Vectors.QuantizeQuery(q, quantized);
            var vectorTop = scale > 0f ? VectorTop(quantized, scale, depth, language) : [];
            var unknown = query.Stems.Count == 0 ? 0 : 1.0 - ((double)known / query.Stems.Count);
            var vectorWeight = VectorWeight + (UnknownTermBoost * unknown);
            TextRanking = textTop.ToSortedArray();
            return Fuse(TextRanking, vectorTop, vectorWeight, quantized, scale, scratch.Scores, top);
        }
        finally
        {
            scratch.Reset();
        }
    }

    /// <summary>True when <paramref name="stem"/> occurs in at least one article of the snapshot.</summary>
    public bool IsIndexed(string stem, out int id) =>
        _vocabulary.TryGet(stem, out id) && id < _snapshot.Postings.Length && _snapshot.Postings[id].Docs.Length > 0;

    /// <summary>The <paramref name="depth"/> articles nearest to the query's embedding, nearest first, with their cosine.</summary>
    public (float Score, int Doc)[] VectorOnly(AnalyzedQuery query, int depth, string? language)
    {
        var q = new float[_embedder.Dimensions];
        _embedder.Embed(query.EmbeddingText, q);
        var quantized = new short[q.Length];
        var scale = Int8Vectors.QuantizeQuery(q, quantized);
        return scale > 0f ? VectorTop(quantized, scale, depth, language) : [];
    }

    private (float Score, int Doc)[] VectorTop(short[] query, float scale, int depth, string? language)
    {
        var heap = new TopK(depth);
        Func<int, bool>? accept = language is null ? null : d => Accepts(d, language);
        for (var b = 0; b < _snapshot.Blocks.Length; b++)
        {
            var first = b * IndexSnapshot.BlockRows;
            var rows = Math.Min(IndexSnapshot.BlockRows, _snapshot.Count - first);
            _snapshot.Blocks[b].Scan(rows, first, query, scale, heap, accept);
        }

        return heap.ToSortedArray();
    }

    private List<Candidate> Fuse((float Score, int Doc)[] text, (float Score, int Doc)[] vector, double vectorWeight, short[] query, float scale, float[] textScores, int top)
    {
        var fused = new Dictionary<int, (double Score, int TextRank, int VectorRank)>();
        for (var i = 0; i < text.Length; i++)
        {
            fused[text[i].Doc] = (TextWeight / (RrfK + i + 1), i + 1, 0);
        }

        for (var i = 0; i < vector.Length; i++)
        {
            var d = vector[i].Doc;
            var (score, textRank, _) = fused.GetValueOrDefault(d);
            fused[d] = (score + (vectorWeight / (RrfK + i + 1)), textRank, i + 1);
        }

        var ranked = fused
            .OrderByDescending(kv => kv.Value.Score)
            .ThenByDescending(kv => textScores[kv.Key])
            .ThenBy(kv => kv.Key)
            .Take(top)
            .ToList();
        var result = new List<Candidate>(ranked.Count);
        foreach (var (d, (score, textRank, vectorRank)) in ranked)
        {
            var similarity = Math.Clamp(_snapshot.Similarity(d, query, scale), 0f, 1f);
            result.Add(new Candidate(d, score, similarity, textScores[d], textRank, vectorRank));
        }

        return result;
    }

    private bool Accepts(int ordinal, string? language) =>
        language is null || string.Equals(_snapshot.Docs[ordinal].Article.Language, language, StringComparison.OrdinalIgnoreCase);
}
