using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

public sealed class FeatureHasherTests
{
    private static readonly FeatureHasher Hasher = new(new FeatureOptions { HashBits = 18 });

    [Fact]
    public void Buckets_ignore_case_and_punctuation_between_words()
    {
        Assert.Equal(Buckets("Reset my password"), Buckets("reset, MY password!"));
    }

    [Fact]
    public void Buckets_are_stable_across_hasher_instances()
    {
        var other = new FeatureHasher(new FeatureOptions { HashBits = 18 });
        var buffer = ArrayPool<int>.Shared.Rent(16);
        var count = other.Extract("Où est ma commande ?", ref buffer);

        Assert.Equal(Buckets("Où est ma commande ?"), buffer[..count]);
        ArrayPool<int>.Shared.Return(buffer);
    }

    [Fact]
    public void Japanese_text_without_spaces_still_yields_character_ngrams()
    {
        Assert.True(Buckets("パスワードを忘れました").Length > 20);
    }

    [Fact]
    public void Every_bucket_lies_within_the_hash_range_and_ascii_case_never_matters()
    {
        Prop.ForAll<string>(text =>
        {
            text ??= "";
            var original = Buckets(text);
            var upper = Buckets(new string(text.Select(c => c < 128 ? char.ToUpperInvariant(c) : c).ToArray()));
            return original.All(b => b is >= 0 and < 1 << 18) && original.SequenceEqual(upper);
        }).QuickCheckThrowOnFailure();
    }

    private static int[] Buckets(string text)
    {
        var buffer = ArrayPool<int>.Shared.Rent(16);
        var count = Hasher.Extract(text, ref buffer);
        var result = buffer[..count];
        ArrayPool<int>.Shared.Return(buffer);
        return result;
    }
}
