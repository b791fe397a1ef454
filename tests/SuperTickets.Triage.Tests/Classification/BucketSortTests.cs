using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

public sealed class BucketSortTests
{
    [Theory]
    [InlineData(0, 18)]
    [InlineData(1, 18)]
    [InlineData(255, 18)]
    [InlineData(256, 18)]
    [InlineData(5_000, 16)]
    [InlineData(5_000, 18)]
    [InlineData(5_000, 22)]
    [InlineData(5_000, 24)]
    public void Orders_bucket_ids_as_a_comparison_sort_does(int count, int bits)
    {
        var random = new Random(count * 31 + bits);
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            // repeats on purpose: a text yields the same n-gram many times
            ids[i] = i % 7 == 0 && i > 0 ? ids[i - 1] : random.Next(1 << bits);
        }
        var expected = (int[])ids.Clone();
        Array.Sort(expected);

        BucketSort.Sort(ids, new int[count], bits);

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void A_classifier_answers_from_a_shared_extraction_exactly_as_from_the_text()
    {
        var classifier = TextClassifierTrainer.Train(DefaultSupportModel.TrainingSet("category"), DefaultSupportModel.Options);
        var text = "Hello, I was charged twice for my subscription this month and would like a refund of the second payment.";
        var buckets = new FeatureBuckets();
        try
        {
            var fromBuckets = classifier.Predict(classifier.Space.Buckets(text, ref buckets));
            var fromText = classifier.Predict(text);

            Assert.Equal(fromText.Label, fromBuckets.Label);
            Assert.Equal(fromText.Confidence, fromBuckets.Confidence);
            Assert.Equal(fromText.Top, fromBuckets.Top);
        }
        finally
        {
            buckets.Dispose();
        }
    }
}
