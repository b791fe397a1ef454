using Xunit.Abstractions;

namespace SuperTickets.Knowledge.Tests;

public sealed class RetrievalQualityTests(ITestOutputHelper output)
{
    [Fact]
    public void Labelled_queries_find_their_article_at_the_top()
    {
        var labelled = Samples.Queries.Where(q => q.Expected is not null).ToList();
        var atOne = 0;
        var atFive = 0;
        var reciprocalRanks = 0.0;
        foreach (var q in labelled)
        {
            var hits = Samples.Index.Search(q.Query, top: 10);
            var rank = hits.ToList().FindIndex(h => h.Article.Id == q.Expected) + 1;
            atOne += rank == 1 ? 1 : 0;
            atFive += rank is >= 1 and <= 5 ? 1 : 0;
            reciprocalRanks += rank > 0 ? 1.0 / rank : 0;
            if (rank != 1)
            {
                output.WriteLine($"miss (rank {rank}): \"{q.Query}\" → {hits.FirstOrDefault()?.Article.Id}, expected {q.Expected}");
            }
        }

        var recall1 = (double)atOne / labelled.Count;
        var recall5 = (double)atFive / labelled.Count;
        var mrr = reciprocalRanks / labelled.Count;
        output.WriteLine($"queries={labelled.Count} recall@1={recall1:P1} recall@5={recall5:P1} MRR={mrr:F3}");

        Assert.True(labelled.Count >= 110, $"only {labelled.Count} labelled queries");
        Assert.True(recall1 >= 0.84, $"recall@1 {recall1:P1}");
        Assert.True(recall5 >= 0.94, $"recall@5 {recall5:P1}");
        Assert.True(mrr >= 0.88, $"MRR {mrr:F3}");
    }
}
