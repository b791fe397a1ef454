using SuperTickets.Knowledge.Retrieval;

namespace SuperTickets.Knowledge.Tests;

public sealed class TopKTests
{
    [Theory]
    [InlineData(40, 0)]
    [InlineData(40, 7)]
    [InlineData(40, 40)]
    [InlineData(40, 1_000)]
    [InlineData(1, 50)]
    public void Keeps_the_k_best_best_first_and_ties_go_to_the_lower_ordinal(int k, int offered)
    {
        var random = new Random(k * 1_009 + offered);
        var scores = Enumerable.Range(0, offered).Select(_ => random.Next(20) / 4f).ToArray(); // many ties
        var top = new TopK(k);
        foreach (var doc in Enumerable.Range(0, offered).OrderBy(_ => random.Next()))
        {
            top.Offer(scores[doc], doc);
        }

        var expected = Enumerable.Range(0, offered).OrderByDescending(d => scores[d]).ThenBy(d => d).Take(k).Select(d => (scores[d], d)).ToArray();

        Assert.Equal(expected, top.ToSortedArray());
    }
}
