using System.Buffers;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// The sorted hashed bucket ids of one text (with repeats), in pooled arrays: what <see cref="FeatureSpace"/>
/// vectorizes. Classifiers that share <see cref="FeatureOptions"/> can vectorize one text from one extraction.
/// </summary>
internal struct FeatureBuckets : IDisposable
{
    private int[]? _ids;
    private int[]? _scratch;

    /// <summary>Extracts the bucket ids of <paramref name="text"/> and sorts them; valid until the next fill or dispose.</summary>
    public ReadOnlySpan<int> Fill(FeatureHasher hasher, ReadOnlySpan<char> text)
    {
        var ids = _ids ?? ArrayPool<int>.Shared.Rent(512);
        var count = hasher.Extract(text, ref ids); // may swap in a larger array
        _ids = ids;
        if (_scratch is null || _scratch.Length < count)
        {
            if (_scratch is not null) ArrayPool<int>.Shared.Return(_scratch);
            _scratch = ArrayPool<int>.Shared.Rent(Math.Max(count, 512));
        }
        var sorted = ids.AsSpan(0, count);
        BucketSort.Sort(sorted, _scratch, hasher.Bits);
        return sorted;
    }

    public void Dispose()
    {
        if (_ids is not null) ArrayPool<int>.Shared.Return(_ids);
        if (_scratch is not null) ArrayPool<int>.Shared.Return(_scratch);
        _ids = null;
        _scratch = null;
    }
}
