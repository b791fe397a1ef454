using System.Numerics.Tensors;
using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// One query against one snapshot: BM25 over the inverted index and brute-force cosine over the embedding
/// blocks, each cut to its best <c>depth</c> documents with a heap, merged by weighted reciprocal-rank fusion.
/// </summary>
internal sealed class HybridSearch
{
    private const double RrfK = 5;
    private const double TextWeight = 1.0;
    private const double VectorWeight = 0.2;
    private const double UnknownTermBoost = 1.0;

    private readonly IndexSnapshot _snapshot;
    private readonly Vocabulary _vocabulary;
    private readonly ITextEmbedder _embedder;

    public HybridSearch(IndexSnapshot snapshot, Vocabulary vocabulary, ITextEmbedder embedder)
    {
        _snapshot = snapshot;
        _vocabulary = vocabulary;
        _embedder = embedder;
    }

    /// <summary>Analyzed query stems (unique), available after <see cref="Run"/>.</summary>
    public List<string> QueryStems { get; private set; } = [];

    public List<Candidate> Run(string query, int top, string? language)
    {
        QueryStems = TextAnalyzer.UniqueStems(query);
        var termIds = new List<int>(QueryStems.Count);
        foreach (var stem in QueryStems)
        {
            if (_vocabulary.TryGet(stem, out var id))
            {
                termIds.Add(id);
            }
        }

        var depth = Math.Max(top * 4, 40);
        var scratch = Scratch.For(_snapshot.Count);
        try
        {
            Bm25.Score(_snapshot, termIds, scratch);
            var textTop = new TopK(depth);
            foreach (var d in scratch.Touched)
            {
                if (Accepts(d, language))
                {
                    textTop.Offer(scratch.Scores[d], d);
                }
            }

            Span<float> q = _embedder.Dimensions <= 1024 ? stackalloc float[_embedder.Dimensions] : new float[_embedder.Dimensions];
            _embedder.Embed(query, q);
            var vectorTop = TensorPrimitives.Norm(q) > 0f ? VectorTop(q, depth, language) : [];
            var unknown = QueryStems.Count == 0 ? 0 : 1.0 - ((double)termIds.Count / QueryStems.Count);
            var vectorWeight = VectorWeight + (UnknownTermBoost * unknown);
            return Fuse(textTop.ToSortedArray(), vectorTop, vectorWeight, q, scratch.Scores, top);
        }
        finally
        {
            scratch.Reset();
        }
    }

    private (float Score, int Doc)[] VectorTop(ReadOnlySpan<float> q, int depth, string? language)
    {
        var heap = new TopK(depth);
        var dims = _snapshot.Dimensions;
        var count = _snapshot.Count;
        for (var b = 0; b < _snapshot.Blocks.Length; b++)
        {
            var block = _snapshot.Blocks[b].AsSpan();
            var first = b * IndexSnapshot.BlockRows;
            var rows = Math.Min(IndexSnapshot.BlockRows, count - first);
            for (var r = 0; r < rows; r++)
            {
                if (language is null || Accepts(first + r, language))
                {
                    heap.Offer(TensorPrimitives.Dot(block.Slice(r * dims, dims), q), first + r);
                }
            }
        }

        return heap.ToSortedArray();
    }

    private List<Candidate> Fuse((float Score, int Doc)[] text, (float Score, int Doc)[] vector, double vectorWeight, ReadOnlySpan<float> q, float[] textScores, int top)
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
            var similarity = Math.Clamp(TensorPrimitives.Dot(_snapshot.Row(d), q), 0f, 1f);
            result.Add(new Candidate(d, score, similarity, textScores[d], textRank, vectorRank));
        }

        return result;
    }

    private bool Accepts(int ordinal, string? language) =>
        language is null || string.Equals(_snapshot.Docs[ordinal].Article.Language, language, StringComparison.OrdinalIgnoreCase);
}
