namespace SuperTickets.Triage.Classification;

/// <summary>
/// Sorts hashed bucket ids (non-negative, below 2^bits) with a least-significant-digit radix sort: a text yields
/// thousands of them (every character n-gram of every word), and two or three counting passes over them cost a
/// fraction of a comparison sort. The result is the same ascending order <see cref="MemoryExtensions.Sort{T}(Span{T})"/> gives.
/// </summary>
internal static class BucketSort
{
    private const int DigitBits = 11;
    private const int Radix = 1 << DigitBits;
    private const int Mask = Radix - 1;
    private const int ComparisonSortBelow = 256;

    /// <summary>Sorts <paramref name="keys"/> ascending, using <paramref name="scratch"/> (at least as long) for the passes.</summary>
    public static void Sort(Span<int> keys, Span<int> scratch, int bits)
    {
        if (keys.Length < ComparisonSortBelow)
        {
            keys.Sort();
            return;
        }
        scratch = scratch[..keys.Length];
        Span<int> counts = stackalloc int[Radix];
        var source = keys;
        var target = scratch;
        for (var shift = 0; shift < bits; shift += DigitBits)
        {
            counts.Clear();
            foreach (var key in source) counts[(key >> shift) & Mask]++;
            var offset = 0;
            for (var digit = 0; digit < Radix; digit++)
            {
                var count = counts[digit];
                counts[digit] = offset;
                offset += count;
            }
            foreach (var key in source) target[counts[(key >> shift) & Mask]++] = key;
            var written = target;
            target = source;
            source = written;
        }
        if (source != keys) source.CopyTo(keys);
    }
}
