using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

public sealed class FeatureSpaceTests
{
    [Theory]
    [InlineData(16, 0)]
    [InlineData(16, 1)]
    [InlineData(18, 3_000)]
    [InlineData(20, 40_000)]
    public void A_buckets_row_is_its_rank_among_the_trained_buckets(int bits, int rows)
    {
        var random = new Random(bits * 7 + rows);
        var trained = new SortedSet<int> { 0, (1 << bits) - 1 };
        while (trained.Count < rows + 2)
        {
            trained.Add(random.Next(1 << bits));
        }
        var buckets = trained.ToArray();
        var space = new FeatureSpace(new FeatureOptions { HashBits = bits }, buckets, new float[buckets.Length], 1f);
        var rowOf = buckets.Select((bucket, row) => (bucket, row)).ToDictionary(p => p.bucket, p => p.row);

        for (var bucket = 0; bucket < 1 << bits; bucket++)
        {
            var expected = rowOf.TryGetValue(bucket, out var row) ? row : -1;
            if (space.RowOf(bucket) != expected)
            {
                Assert.Fail($"bucket {bucket}: row {space.RowOf(bucket)}, expected {expected}");
            }
        }
    }

    [Fact]
    public void Row_buckets_out_of_order_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new FeatureSpace(new FeatureOptions { HashBits = 16 }, [5, 9, 9], new float[3], 1f));

        Assert.Contains("strictly ascending", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(16)]
    [InlineData(23)]
    public void Scores_are_the_bias_plus_each_features_weighted_row(int classes)
    {
        var random = new Random(classes);
        const int rows = 50;
        var weights = Enumerable.Range(0, (rows + 1) * classes).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var model = new LinearModel(rows, classes, weights);
        int[] features = [3, 17, 49, 0];
        float[] values = [0.5f, -0.25f, 0.125f, 1f];

        var scores = new float[classes];
        model.Scores(features, values, scores);

        for (var c = 0; c < classes; c++)
        {
            var expected = (double)weights[rows * classes + c];
            for (var i = 0; i < features.Length; i++)
            {
                expected += (double)weights[features[i] * classes + c] * values[i];
            }
            Assert.Equal(expected, scores[c], 5);
        }
    }
}
