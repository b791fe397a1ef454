using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge;

/// <summary>
/// Local embedder: hashed TF-IDF features (word stems, stem bigrams and character 3- and 4-grams of each
/// word, so typos and inflections still overlap) reduced to <see cref="Dimensions"/> by a fixed-seed sparse
/// random projection (each feature adds ±weight to eight pseudo-random dimensions), then L2-normalized.
/// Document frequencies are learned once by <see cref="Fit"/> and frozen, so vectors stay comparable when
/// articles are added later. Deterministic across processes and thread-safe.
/// </summary>
public sealed class HashedTextEmbedder : ITextEmbedder
{
    /// <summary>Default vector length.</summary>
    public const int DefaultDimensions = 256;

    private const int BucketBits = 20;
    private const int BucketMask = (1 << BucketBits) - 1;
    private const ulong ProjectionsPerFeature = 8;
    private const ulong Seed = 0x5EED_2026_0914_C0DEUL;
    private const float WordWeight = 1.0f;
    private const float BigramWeight = 0.3f;
    private const float GramWeight = 0.3f;

    [ThreadStatic]
    private static FeatureScratch? s_scratch;

    private readonly float[]? _idf;
    private readonly float _unseenIdf;

    /// <summary>An embedder without document frequencies (every feature weighs the same).</summary>
    public HashedTextEmbedder(int dimensions = DefaultDimensions)
        : this(dimensions, null, 1f)
    {
    }

    private HashedTextEmbedder(int dimensions, float[]? idf, float unseenIdf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, 4096);
        Dimensions = dimensions;
        _idf = idf;
        _unseenIdf = unseenIdf;
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>Learns document frequencies of the hashed features from <paramref name="documents"/>.</summary>
    public static HashedTextEmbedder Fit(IEnumerable<string> documents, int dimensions = DefaultDimensions)
    {
        var df = new int[1 << BucketBits];
        var n = 0;
        var seen = new HashSet<int>();
        foreach (var document in documents)
        {
            n++;
            seen.Clear();
            var features = CollectFeatures(document);
            foreach (var hash in features.Keys)
            {
                var bucket = (int)(hash & BucketMask);
                if (seen.Add(bucket))
                {
                    df[bucket]++;
                }
            }
        }

        var idf = new float[df.Length];
        for (var i = 0; i < df.Length; i++)
        {
            idf[i] = Idf(n, df[i]);
        }

        return new HashedTextEmbedder(dimensions, idf, Idf(n, 1));
    }

    /// <inheritdoc />
    public void Embed(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"Destination must have length {Dimensions}.", nameof(destination));
        }

        destination.Clear();
        var features = CollectFeatures(text);
        foreach (var (hash, feature) in features)
        {
            var weight = (1f + MathF.Log(feature.Count)) * feature.Weight * IdfOf(hash);
            Project(hash, weight, destination);
        }

        var norm = TensorPrimitives.Norm(destination);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(destination, norm, destination);
        }
    }

    private static float Idf(int n, int df) => MathF.Log(1f + (n - df + 0.5f) / (df + 0.5f));

    private float IdfOf(ulong hash)
    {
        if (_idf is null)
        {
            return 1f;
        }

        var idf = _idf[(int)(hash & BucketMask)];
        return idf > 0f && idf < _unseenIdf ? idf : _unseenIdf;
    }

    private void Project(ulong hash, float weight, Span<float> destination)
    {
        var key = hash ^ Seed;
        for (var j = 0UL; j < ProjectionsPerFeature / 4; j++)
        {
            var bits = SplitMix(key + j);
            for (var k = 0; k < 4; k++, bits >>= 16)
            {
                var dim = (int)(((bits & 0x7FFF) * (ulong)Dimensions) >> 15);
                destination[dim] += (bits & 0x8000) == 0 ? weight : -weight;
            }
        }
    }

    /// <summary>The hashed features of <paramref name="text"/>, in a per-thread dictionary valid until the next call.</summary>
    private static Dictionary<ulong, Feature> CollectFeatures(string text)
    {
        var scratch = s_scratch ??= new FeatureScratch();
        scratch.Clear();
        var (features, stems, words, wordCounts) = (scratch.Features, scratch.Stems, scratch.Words, scratch.WordCounts);
        TextAnalyzer.Analyze(text, stems, words);
        for (var i = 0; i < stems.Count; i++)
        {
            Add(features, Hash(1, stems[i]), WordWeight, 1);
            if (i > 0)
            {
                Add(features, Hash(Hash(2, stems[i - 1]), stems[i]), BigramWeight, 1);
            }

            CollectionsMarshal.GetValueRefOrAddDefault(wordCounts, words[i], out _)++;
        }

        foreach (var (word, count) in wordCounts)
        {
            AddGrams(features, word, count);
        }

        return features;
    }

    private static void AddGrams(Dictionary<ulong, Feature> features, string word, int count)
    {
        Span<char> padded = stackalloc char[Math.Min(word.Length, 62) + 2];
        padded[0] = '<';
        word.AsSpan(0, padded.Length - 2).CopyTo(padded[1..]);
        padded[^1] = '>';
        for (var n = 3; n <= 4; n++)
        {
            for (var i = 0; i + n <= padded.Length; i++)
            {
                Add(features, Hash((ulong)(2 + n), padded.Slice(i, n)), GramWeight, count);
            }
        }
    }

    private static void Add(Dictionary<ulong, Feature> features, ulong hash, float weight, int count)
    {
        ref var feature = ref CollectionsMarshal.GetValueRefOrAddDefault(features, hash, out var exists);
        feature = exists ? feature with { Count = feature.Count + count } : new Feature(count, weight);
    }

    private static ulong Hash(ulong kind, ReadOnlySpan<char> text)
    {
        var h = 0xCBF29CE484222325UL ^ (kind * 0x9E3779B97F4A7C15UL);
        foreach (var c in text)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }

        return SplitMix(h);
    }

    private static ulong SplitMix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private readonly record struct Feature(int Count, float Weight);

    /// <summary>Reusable per-thread collections, so embedding a document allocates almost nothing.</summary>
    private sealed class FeatureScratch
    {
        public Dictionary<ulong, Feature> Features { get; } = [];

        public List<string> Stems { get; } = [];

        public List<string> Words { get; } = [];

        public Dictionary<string, int> WordCounts { get; } = new(StringComparer.Ordinal);

        public void Clear()
        {
            Features.Clear();
            Stems.Clear();
            Words.Clear();
            WordCounts.Clear();
        }
    }
}
