using System.Buffers;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Maps hashed buckets seen in training to dense weight rows and turns text into an L2-normalized sparse
/// vector of sublinear term frequency times inverse document frequency. Buckets never seen in training
/// still count toward the norm (with the largest idf), so unfamiliar text gets smaller known weights.
/// </summary>
internal sealed class FeatureSpace
{
    private readonly FeatureHasher _hasher;
    private readonly int[] _bucketToRow;

    public FeatureSpace(FeatureOptions options, int[] rowBuckets, float[] idf, float unknownIdf)
    {
        Options = options;
        _hasher = new FeatureHasher(options);
        RowBuckets = rowBuckets;
        Idf = idf;
        UnknownIdf = unknownIdf;
        _bucketToRow = new int[_hasher.BucketCount];
        Array.Fill(_bucketToRow, -1);
        for (var row = 0; row < rowBuckets.Length; row++) _bucketToRow[rowBuckets[row]] = row;
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
        var buffer = ArrayPool<int>.Shared.Rent(512);
        foreach (var text in texts)
        {
            var count = hasher.Extract(text, ref buffer);
            var span = buffer.AsSpan(0, count);
            span.Sort();
            for (var i = 0; i < span.Length; i++)
                if (i == 0 || span[i] != span[i - 1]) documentFrequency[span[i]]++;
        }
        ArrayPool<int>.Shared.Return(buffer);

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
        var buckets = ArrayPool<int>.Shared.Rent(256);
        var count = _hasher.Extract(text, ref buckets);
        var span = buckets.AsSpan(0, count);
        span.Sort();
        vector.EnsureCapacity(count);

        var entries = 0;
        var normSquared = 0.0;
        var i = 0;
        while (i < span.Length)
        {
            var bucket = span[i];
            var run = 1;
            while (i + run < span.Length && span[i + run] == bucket) run++;
            i += run;
            var row = _bucketToRow[bucket];
            var tf = 1f + MathF.Log(run);
            var weight = tf * (row >= 0 ? Idf[row] : UnknownIdf);
            normSquared += weight * weight;
            if (row < 0) continue;
            vector.Rows[entries] = row;
            vector.Values[entries] = weight;
            entries++;
        }
        ArrayPool<int>.Shared.Return(buckets);

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
