using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SuperTickets.Knowledge.Embedding;
using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge;

/// <summary>
/// Local embedder: hashed TF-IDF features (word stems, stem bigrams and character 3- and 4-grams of each
/// word, so typos and inflections still overlap) reduced to <see cref="Dimensions"/> by a fixed-seed sparse
/// random projection (each feature adds ±weight to eight pseudo-random dimensions), then L2-normalized.
/// Document frequencies are learned once by <see cref="Fit"/> and frozen, so vectors stay comparable when
/// articles are added later. Deterministic across processes and machines (see <see cref="UnitLength"/>) and
/// thread-safe; embedding allocates nothing once the per-thread buffers have grown.
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

    /// <summary>Below this many documents a fit runs on one thread: each worker needs 8 MB of counters.</summary>
    private const int ParallelFitThreshold = 2_000;

    /// <summary>1 + ln(count) for small counts, the sublinear term frequency of a feature.</summary>
    private static readonly float[] LogCounts = Enumerable.Range(0, 256).Select(c => 1f + MathF.Log(c)).ToArray();

    [ThreadStatic]
    private static Scratch? s_scratch;

    /// <summary>The idf of each feature bucket, already clamped to the idf of a feature seen once; null: all 1.</summary>
    private readonly float[]? _idf;

    /// <summary>An embedder without document frequencies (every feature weighs the same).</summary>
    public HashedTextEmbedder(int dimensions = DefaultDimensions)
        : this(dimensions, null)
    {
    }

    private HashedTextEmbedder(int dimensions, float[]? idf)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, 4096);
        Dimensions = dimensions;
        _idf = idf;
    }

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <summary>Learns document frequencies of the hashed features from <paramref name="documents"/>.</summary>
    public static HashedTextEmbedder Fit(IEnumerable<string> documents, int dimensions = DefaultDimensions)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return Fit(documents.ToList(), static (document, tokens) => tokens.Append(document), dimensions);
    }

    /// <summary>
    /// Learns document frequencies from <paramref name="documents"/>, each turned into tokens by
    /// <paramref name="tokenize"/>, on all cores.
    /// </summary>
    internal static HashedTextEmbedder Fit<T>(IReadOnlyList<T> documents, Action<T, TextTokens> tokenize, int dimensions = DefaultDimensions)
    {
        var workers = new FitCounts[documents.Count < ParallelFitThreshold ? 1 : Environment.ProcessorCount];
        var next = -1;
        Parallel.For(0, workers.Length, w =>
        {
            var counts = workers[w] = new FitCounts();
            var scratch = Scratch.Current;
            for (var i = Interlocked.Increment(ref next); i < documents.Count; i = Interlocked.Increment(ref next))
            {
                scratch.Tokens.Clear();
                tokenize(documents[i], scratch.Tokens);
                Collect(scratch.Tokens, scratch);
                counts.Count(scratch.Features, i + 1);
            }
        });

        var df = new int[1 << BucketBits];
        foreach (var counts in workers)
        {
            counts.AddTo(df);
        }

        var n = documents.Count;
        var unseen = Idf(n, 1);
        var idf = new float[df.Length];
        for (var i = 0; i < df.Length; i++)
        {
            var value = Idf(n, df[i]);
            idf[i] = value > 0f && value < unseen ? value : unseen;
        }

        return new HashedTextEmbedder(dimensions, idf);
    }

    /// <inheritdoc />
    public void Embed(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Scratch.Current.Tokens;
        tokens.Clear();
        tokens.Append(text);
        Embed(tokens, destination);
    }

    /// <summary>Embeds text that is already tokenized; the same vector as <see cref="Embed(string, Span{float})"/>
    /// of the text the tokens came from.</summary>
    internal void Embed(TextTokens tokens, Span<float> destination)
    {
        if (destination.Length != Dimensions)
        {
            throw new ArgumentException($"Destination must have length {Dimensions}.", nameof(destination));
        }

        var scratch = Scratch.Current;
        Collect(tokens, scratch);
        var features = scratch.Features;
        destination.Clear();
        ref var first = ref MemoryMarshal.GetReference(destination);
        for (var e = 0; e < features.Count; e++)
        {
            var hash = features.Hash(e);
            var weight = LogCount(features.Occurrences(e)) * features.Weight(e) * IdfOf(hash);
            Project(hash, weight, ref first);
        }

        UnitLength.Normalize(destination);
    }

    private static float Idf(int n, int df) => MathF.Log(1f + (n - df + 0.5f) / (df + 0.5f));

    private static float LogCount(int count) => count < LogCounts.Length ? LogCounts[count] : 1f + MathF.Log(count);

    private float IdfOf(ulong hash) => _idf is null ? 1f : _idf[(int)(hash & BucketMask)];

    /// <summary>Adds ±<paramref name="weight"/> to eight pseudo-random dimensions chosen by the feature hash.</summary>
    private void Project(ulong hash, float weight, ref float destination)
    {
        var key = hash ^ Seed;
        var dimensions = (ulong)Dimensions;
        var weightBits = BitConverter.SingleToUInt32Bits(weight);
        for (var j = 0UL; j < ProjectionsPerFeature / 4; j++)
        {
            var bits = SplitMix(key + j);
            for (var k = 0; k < 4; k++, bits >>= 16)
            {
                // Bit 15 is the sign: flipping the float's sign bit negates exactly, without a branch the
                // processor could only guess.
                ref var slot = ref Unsafe.Add(ref destination, (nint)(((bits & 0x7FFF) * dimensions) >> 15));
                slot += BitConverter.UInt32BitsToSingle(weightBits ^ (((uint)bits & 0x8000U) << 16));
            }
        }
    }

    /// <summary>Collects the hashed features of <paramref name="tokens"/> into <see cref="Scratch.Features"/>:
    /// stems, neighbouring stem pairs, then the character 3- and 4-grams of each distinct word.</summary>
    private static void Collect(TextTokens tokens, Scratch scratch)
    {
        var (features, words) = (scratch.Features, scratch.Words);
        features.Clear();
        words.Clear();
        var previous = 0UL;
        for (var i = 0; i < tokens.Count; i++)
        {
            var stem = tokens.Stem(i);
            features.Add(Hash(1, stem), WordWeight, 1);
            if (i > 0)
            {
                features.Add(Hash(previous, stem), BigramWeight, 1);
            }

            previous = Hash(2, stem);
            words.Add(tokens, i, 1f);
        }

        for (var w = 0; w < words.Count; w++)
        {
            AddGrams(features, tokens.Word(words.FirstToken(w)), (int)words.Total(w));
        }
    }

    private static void AddGrams(FeatureTable features, ReadOnlySpan<char> word, int count)
    {
        Span<char> padded = stackalloc char[Math.Min(word.Length, 62) + 2];
        padded[0] = '<';
        word[..(padded.Length - 2)].CopyTo(padded[1..]);
        padded[^1] = '>';
        for (var n = 3; n <= 4; n++)
        {
            for (var i = 0; i + n <= padded.Length; i++)
            {
                features.Add(Hash((ulong)(2 + n), padded.Slice(i, n)), GramWeight, count);
            }
        }
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

    /// <summary>Reusable per-thread buffers, so embedding a document allocates nothing once they have grown.</summary>
    private sealed class Scratch
    {
        public static Scratch Current => s_scratch ??= new Scratch();

        public TextTokens Tokens { get; } = new();

        public FeatureTable Features { get; } = new();

        public TokenTally Words { get; } = new(stems: false);
    }

    /// <summary>Document frequencies of feature buckets counted by one worker of <see cref="Fit{T}"/>.</summary>
    private sealed class FitCounts
    {
        /// <summary>Per bucket, side by side so one cache line serves both: the document frequency and the
        /// last document counted.</summary>
        private readonly int[] _counts = new int[2 << BucketBits];

        /// <summary>Counts each bucket of <paramref name="features"/> once for document number <paramref name="document"/> (from 1).</summary>
        public void Count(FeatureTable features, int document)
        {
            for (var e = 0; e < features.Count; e++)
            {
                var at = 2 * (int)(features.Hash(e) & BucketMask);
                if (_counts[at + 1] != document)
                {
                    _counts[at + 1] = document;
                    _counts[at]++;
                }
            }
        }

        public void AddTo(int[] df)
        {
            for (var bucket = 0; bucket < df.Length; bucket++)
            {
                df[bucket] += _counts[2 * bucket];
            }
        }
    }
}
