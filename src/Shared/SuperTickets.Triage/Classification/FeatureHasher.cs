using System.Buffers;
using System.Runtime.CompilerServices;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Turns text into hashed feature buckets: lower-cased word n-grams and character n-grams inside words
/// (with begin/end markers). Hashes are stable across processes and platforms.
/// </summary>
internal sealed class FeatureHasher
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const uint WordSalt = 0x9E3779B9;
    private const uint BigramSalt = 0x7F4A7C15;
    private const uint TrigramSalt = 0x94D049BB;
    private const uint CharSalt = 0xBF58476D;
    private const char WordStart = '\u0002';
    private const char WordEnd = '\u0003';

    private readonly FeatureOptions _options;
    private readonly uint _mask;

    public FeatureHasher(FeatureOptions options)
    {
        _options = options;
        _mask = (1u << options.HashBits) - 1;
    }

    public int BucketCount => (int)_mask + 1;

    /// <summary>Bits of a bucket id (<see cref="FeatureOptions.HashBits"/>).</summary>
    public int Bits => _options.HashBits;

    /// <summary>Writes bucket ids (with repeats) into a pooled buffer that grows as needed; returns the count.</summary>
    public int Extract(ReadOnlySpan<char> text, ref int[] buffer)
    {
        var count = 0;
        Span<char> token = stackalloc char[66];
        uint prev1 = 0, prev2 = 0;
        var tokensSeen = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            if (i >= text.Length) break;
            var length = 0;
            token[length++] = WordStart;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                if (length < token.Length - 1) token[length++] = char.ToLowerInvariant(text[i]);
                i++;
            }
            token[length++] = WordEnd;
            var word = token[..length];

            var wordHash = Fnv(word[1..^1], WordSalt);
            EnsureCapacity(ref buffer, count + 3 + length * _options.MaxCharNgram);
            buffer[count++] = Bucket(wordHash);
            if (_options.MaxWordNgram >= 2 && tokensSeen >= 1)
                buffer[count++] = Bucket((prev1 * 31 + wordHash) ^ BigramSalt);
            if (_options.MaxWordNgram >= 3 && tokensSeen >= 2)
                buffer[count++] = Bucket(((prev2 * 31 + prev1) * 31 + wordHash) ^ TrigramSalt);
            prev2 = prev1;
            prev1 = wordHash;
            tokensSeen++;

            if (_options.MinCharNgram > 0) count = AddCharNgrams(word, buffer, count);
        }
        return count;
    }

    private int AddCharNgrams(ReadOnlySpan<char> word, int[] buffer, int count)
    {
        var min = _options.MinCharNgram;
        var max = _options.MaxCharNgram;
        for (var start = 0; start < word.Length; start++)
        {
            var h = CharSalt;
            var end = Math.Min(word.Length, start + max);
            for (var pos = start; pos < end; pos++)
            {
                h = (h ^ word[pos]) * FnvPrime;
                var n = pos - start + 1;
                if (n >= min && n < word.Length) buffer[count++] = Bucket(h + (uint)n);
            }
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(uint hash) => (int)(Mix(hash) & _mask);

    private static uint Fnv(ReadOnlySpan<char> chars, uint salt)
    {
        var h = FnvOffset ^ salt;
        foreach (var c in chars) h = (h ^ c) * FnvPrime;
        return Mix(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }

    private static void EnsureCapacity(ref int[] buffer, int needed)
    {
        if (buffer.Length >= needed) return;
        var larger = ArrayPool<int>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan().CopyTo(larger);
        ArrayPool<int>.Shared.Return(buffer);
        buffer = larger;
    }
}
