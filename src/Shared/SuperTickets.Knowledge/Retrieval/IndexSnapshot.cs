namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// An immutable state of the index: articles by ordinal, posting lists by term id, BM25 length norms, and
/// embeddings quantized to 8 bits (<see cref="Int8Vectors"/>) in contiguous blocks of rows. Changes return a new snapshot that shares everything they did not touch
/// (only the affected posting lists and vector blocks are copied). Removal moves the last article into
/// the freed ordinal, so ordinals stay dense.
/// </summary>
internal sealed class IndexSnapshot
{
    public const int BlockRows = 1024;

    private IndexSnapshot(
        AnalyzedArticle[] docs, Dictionary<string, int> ordinals, Posting[] postings, VectorBlock[] blocks,
        int dimensions, double totalLength)
    {
        Docs = docs;
        Ordinals = ordinals;
        Postings = postings;
        Blocks = blocks;
        Dimensions = dimensions;
        TotalLength = totalLength;
        LengthNorms = Bm25.LengthNorms(docs, AverageLength);
    }

    public AnalyzedArticle[] Docs { get; }

    public int Count => Docs.Length;

    public Dictionary<string, int> Ordinals { get; }

    /// <summary>Posting lists indexed by term id; ids at or beyond the length have no documents here.</summary>
    public Posting[] Postings { get; }

    public VectorBlock[] Blocks { get; }

    /// <summary>BM25 length normalization per ordinal (depends on the average length, so recomputed per snapshot).</summary>
    public float[] LengthNorms { get; }

    public int Dimensions { get; }

    public double TotalLength { get; }

    public float AverageLength => Count == 0 ? 1f : (float)(TotalLength / Count);

    /// <summary>Empty vector blocks for <paramref name="count"/> articles, filled row by row before <see cref="Create"/>.</summary>
    public static VectorBlock[] NewBlocks(int count, int dimensions)
    {
        var blocks = new VectorBlock[(count + BlockRows - 1) / BlockRows];
        for (var b = 0; b < blocks.Length; b++)
        {
            blocks[b] = new VectorBlock(BlockRows, dimensions);
        }

        return blocks;
    }

    /// <summary>A snapshot of <paramref name="docs"/>, whose embeddings are the rows of <paramref name="blocks"/> in ordinal order.</summary>
    public static IndexSnapshot Create(AnalyzedArticle[] docs, VectorBlock[] blocks, int dimensions, int vocabularySize)
    {
        var ordinals = new Dictionary<string, int>(docs.Length, StringComparer.Ordinal);
        var df = new int[vocabularySize];
        var total = 0.0;
        for (var d = 0; d < docs.Length; d++)
        {
            if (!ordinals.TryAdd(docs[d].Article.Id, d))
            {
                throw new ArgumentException($"Duplicate article id '{docs[d].Article.Id}'.", nameof(docs));
            }

            total += docs[d].Length;
            foreach (var t in docs[d].TermIds)
            {
                df[t]++;
            }
        }

        var postingDocs = new int[vocabularySize][];
        var postingFreqs = new float[vocabularySize][];
        for (var t = 0; t < vocabularySize; t++)
        {
            postingDocs[t] = new int[df[t]];
            postingFreqs[t] = new float[df[t]];
            df[t] = 0;
        }

        for (var d = 0; d < docs.Length; d++)
        {
            var terms = docs[d].TermIds;
            for (var i = 0; i < terms.Length; i++)
            {
                var t = terms[i];
                postingDocs[t][df[t]] = d;
                postingFreqs[t][df[t]++] = docs[d].Frequencies[i];
            }
        }

        var postings = new Posting[vocabularySize];
        for (var t = 0; t < vocabularySize; t++)
        {
            postings[t] = new Posting(postingDocs[t], postingFreqs[t]);
        }

        return new IndexSnapshot(docs, ordinals, postings, blocks, dimensions, total);
    }

    /// <summary>Approximate cosine of the article at <paramref name="ordinal"/> and a quantized query.</summary>
    public float Similarity(int ordinal, ReadOnlySpan<short> query, float queryScale) =>
        Blocks[ordinal / BlockRows].Similarity(ordinal % BlockRows, query, queryScale);

    public IndexSnapshot WithAdded(AnalyzedArticle doc, ReadOnlySpan<float> vector, int vocabularySize)
    {
        var ordinal = Count;
        var docs = new AnalyzedArticle[Count + 1];
        Docs.CopyTo(docs, 0);
        docs[ordinal] = doc;
        var ordinals = new Dictionary<string, int>(Ordinals, StringComparer.Ordinal) { [doc.Article.Id] = ordinal };
        var postings = GrowPostings(vocabularySize);
        AddPostings(postings, doc, ordinal);
        var blocks = WithRow(Blocks, ordinal, vector);
        return new IndexSnapshot(docs, ordinals, postings, blocks, Dimensions, TotalLength + doc.Length);
    }

    public IndexSnapshot WithReplaced(int ordinal, AnalyzedArticle doc, ReadOnlySpan<float> vector, int vocabularySize)
    {
        var old = Docs[ordinal];
        var docs = (AnalyzedArticle[])Docs.Clone();
        docs[ordinal] = doc;
        var postings = GrowPostings(vocabularySize);
        foreach (var t in old.TermIds)
        {
            postings[t] = postings[t].Without(ordinal);
        }

        AddPostings(postings, doc, ordinal);
        var blocks = WithRow(Blocks, ordinal, vector);
        return new IndexSnapshot(docs, Ordinals, postings, blocks, Dimensions, TotalLength - old.Length + doc.Length);
    }

    public IndexSnapshot WithRemoved(int ordinal)
    {
        var removed = Docs[ordinal];
        var last = Count - 1;
        var postings = (Posting[])Postings.Clone();
        foreach (var t in removed.TermIds)
        {
            postings[t] = postings[t].Without(ordinal);
        }

        var ordinals = new Dictionary<string, int>(Ordinals, StringComparer.Ordinal);
        ordinals.Remove(removed.Article.Id);
        var docs = new AnalyzedArticle[last];
        Docs.AsSpan(0, last).CopyTo(docs);
        var blocks = Blocks;
        if (ordinal != last)
        {
            var moved = Docs[last];
            docs[ordinal] = moved;
            ordinals[moved.Article.Id] = ordinal;
            foreach (var t in moved.TermIds)
            {
                postings[t] = postings[t].Renumber(last, ordinal);
            }

            blocks = WithRow(blocks, ordinal, Blocks[last / BlockRows], last % BlockRows);
        }

        if (last % BlockRows == 0)
        {
            blocks = blocks[..^1];
        }

        return new IndexSnapshot(docs, ordinals, postings, blocks, Dimensions, TotalLength - removed.Length);
    }

    private Posting[] GrowPostings(int vocabularySize)
    {
        var postings = new Posting[Math.Max(vocabularySize, Postings.Length)];
        Postings.CopyTo(postings, 0);
        for (var t = Postings.Length; t < postings.Length; t++)
        {
            postings[t] = Posting.Empty;
        }

        return postings;
    }

    private static void AddPostings(Posting[] postings, AnalyzedArticle doc, int ordinal)
    {
        for (var i = 0; i < doc.TermIds.Length; i++)
        {
            var t = doc.TermIds[i];
            postings[t] = postings[t].With(ordinal, doc.Frequencies[i]);
        }
    }

    private VectorBlock[] WithRow(VectorBlock[] blocks, int ordinal, ReadOnlySpan<float> vector)
    {
        var result = CopyForWrite(blocks, ordinal);
        result[ordinal / BlockRows].Set(ordinal % BlockRows, vector);
        return result;
    }

    private VectorBlock[] WithRow(VectorBlock[] blocks, int ordinal, VectorBlock source, int sourceRow)
    {
        var result = CopyForWrite(blocks, ordinal);
        result[ordinal / BlockRows].CopyRow(ordinal % BlockRows, source, sourceRow);
        return result;
    }

    private VectorBlock[] CopyForWrite(VectorBlock[] blocks, int ordinal)
    {
        var b = ordinal / BlockRows;
        var result = b < blocks.Length ? (VectorBlock[])blocks.Clone() : [.. blocks, new VectorBlock(BlockRows, Dimensions)];
        result[b] = b < blocks.Length ? blocks[b].Clone() : result[b];
        return result;
    }
}
