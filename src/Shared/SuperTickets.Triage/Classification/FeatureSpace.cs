using System.Numerics;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Maps hashed buckets seen in training to dense weight rows and turns text into an L2-normalized sparse
/// vector of sublinear term frequency times inverse document frequency. Buckets never seen in training
/// still count toward the norm (with the largest idf), so unfamiliar text gets smaller known weights.
/// A bucket's row is its rank among the trained buckets, read from a bit set with per-word counts: 2^20 buckets take
/// 192 KB, which stays in cache, where a bucket-to-row array would take 4 MB and miss on nearly every lookup.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly FeatureHasher _hasher;
    private readonly ulong[] _trained;
    private readonly int[] _rowsBeforeWord;

    public FeatureSpace(FeatureOptions options, int[] rowBuckets, float[] idf, float unknownIdf)
    {
        Options = options;
        _hasher = new FeatureHasher(options);
        RowBuckets = rowBuckets;
        Idf = idf;
        UnknownIdf = unknownIdf;
        _trained = new ulong[(_hasher.BucketCount + 63) / 64];
        for (var row = 0; row < rowBuckets.Length; row++)
        {
            if (row > 0 && rowBuckets[row] <= rowBuckets[row - 1])
                throw new ArgumentException("Row buckets must be strictly ascending.", nameof(rowBuckets));
            _trained[rowBuckets[row] >> 6] |= 1UL << rowBuckets[row];
        }
        _rowsBeforeWord = new int[_trained.Length];
        for (int word = 0, rows = 0; word < _trained.Length; word++)
        {
            _rowsBeforeWord[word] = rows;
            rows += BitOperations.PopCount(_trained[word]);
        }
    }

    /// <summary>The weight row of <paramref name="bucket"/>, or -1 when training never saw it.</summary>
    public int RowOf(int bucket)
    {
        var word = bucket >> 6;
        var bits = _trained[word];
        var bit = 1UL << bucket;
        return (bits & bit) == 0 ? -1 : _rowsBeforeWord[word] + BitOperations.PopCount(bits & (bit - 1));
    }

    public FeatureOptions Options { get; }

    /// <summary>Bucket id of each row, ascending.</summary>
    public int[] RowBuckets { get; }

    public float[] Idf { get; }

    public float UnknownIdf { get; }

    public int RowCount => RowBuckets.Length;

    public static FeatureSpace Build(FeatureOptions options, IReadOnlyList<string> texts)
    {
        var hasher = new FeatureHasher(options);
        var documentFrequency = new int[hasher.BucketCount];
        var buffer = new FeatureBuckets();
        foreach (var text in texts)
        {
            var span = buffer.Fill(hasher, text);
            for (var i = 0; i < span.Length; i++)
                if (i == 0 || span[i] != span[i - 1]) documentFrequency[span[i]]++;
        }
        buffer.Dispose();

        var rows = new List<int>();
        for (var bucket = 0; bucket < documentFrequency.Length; bucket++)
            if (documentFrequency[bucket] >= options.MinDocumentFrequency) rows.Add(bucket);

        var n = texts.Count;
        var idf = new float[rows.Count];
        for (var row = 0; row < idf.Length; row++)
            idf[row] = options.UseIdf ? InverseFrequency(n, documentFrequency[rows[row]]) : 1f;
        var unknown = options.UseIdf ? InverseFrequency(n, 0) : 1f;
        return new FeatureSpace(options, rows.ToArray(), idf, unknown);
    }

    /// <summary>Vectorizes <paramref name="text"/> into rented arrays owned by <paramref name="vector"/>.</summary>
    public void Vectorize(ReadOnlySpan<char> text, ref SparseVector vector)
    {
        var buckets = new FeatureBuckets();
        try
        {
            Vectorize(Buckets(text, ref buckets), ref vector);
        }
        finally
        {
            buckets.Dispose();
        }
    }

    /// <summary>The sorted bucket ids of <paramref name="text"/> (with repeats), in <paramref name="buckets"/>.</summary>
    public ReadOnlySpan<int> Buckets(ReadOnlySpan<char> text, ref FeatureBuckets buckets) => buckets.Fill(_hasher, text);

    /// <summary>Vectorizes the sorted bucket ids of a text (<see cref="Buckets"/>) into <paramref name="vector"/>.</summary>
    public void Vectorize(ReadOnlySpan<int> span, ref SparseVector vector)
    {
        vector.EnsureCapacity(span.Length);

        var entries = 0;
        var normSquared = 0.0;
        var i = 0;
        while (i < span.Length)
        {
            var bucket = span[i];
            var run = 1;
            while (i + run < span.Length && span[i + run] == bucket) run++;
            i += run;
            var row = RowOf(bucket);
            var tf = 1f + MathF.Log(run);
            var weight = tf * (row >= 0 ? Idf[row] : UnknownIdf);
            normSquared += weight * weight;
            if (row < 0) continue;
            vector.Rows[entries] = row;
            vector.Values[entries] = weight;
            entries++;
        }

        vector.Count = entries;
        if (normSquared > 0)
        {
            var scale = (float)(1.0 / Math.Sqrt(normSquared));
            System.Numerics.Tensors.TensorPrimitives.Multiply(vector.Values.AsSpan(0, entries), scale, vector.Values.AsSpan(0, entries));
        }
    }

    private static float InverseFrequency(int documents, int frequency) =>
        MathF.Log((1f + documents) / (1f + frequency)) + 1f;
}
