namespace SuperTickets.Knowledge.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Searches_running_during_updates_always_see_a_consistent_index()
    {
        var index = KnowledgeIndex.Build(Samples.Articles);
        var stable = Samples.Articles.Single(a => a.Id == "api-rate-limits");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var failures = 0;
        var searches = 0;

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!cts.IsCancellationRequested)
            {
                var hits = index.Search("429 too many requests rate limit", top: 5);
                if (hits.Count == 0 || hits[0].Article.Id != stable.Id || hits.Select(h => h.Article.Id).Distinct().Count() != hits.Count)
                {
                    Interlocked.Increment(ref failures);
                }

                Interlocked.Increment(ref searches);
            }
        })).ToArray();

        var writer = Task.Run(() =>
        {
            SpinWait.SpinUntil(() => Volatile.Read(ref searches) >= 10, TimeSpan.FromSeconds(2));
            for (var i = 0; !cts.IsCancellationRequested && i < 300; i++)
            {
                var id = $"temp-{i % 5}";
                if (index.Find(id) is null)
                {
                    index.Add(new KbArticle(id, $"Temporary note {i}", "Garden lights and patio heaters.", "general", [], "en", DateTimeOffset.UnixEpoch));
                }
                else if (i % 3 == 0)
                {
                    index.Remove(id);
                }
                else
                {
                    index.Update(new KbArticle(id, $"Updated note {i}", "Pool pumps and sprinklers.", "general", [], "en", DateTimeOffset.UnixEpoch));
                }
            }
        });

        await writer;
        await cts.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(0, failures);
        Assert.True(searches > 0);
        Assert.InRange(index.Count, Samples.Articles.Count, Samples.Articles.Count + 5);
        Assert.All(index.Articles, a => Assert.Same(a, index.Find(a.Id)));
    }

    [Fact]
    public void Random_sequences_of_changes_leave_the_index_equal_to_a_fresh_build()
    {
        var random = new Random(12345);
        var pool = Samples.Articles.Take(12).ToList();
        var index = KnowledgeIndex.Build(pool.Take(4));
        var expected = pool.Take(4).ToDictionary(a => a.Id);

        for (var step = 0; step < 200; step++)
        {
            var article = pool[random.Next(pool.Count)];
            if (!expected.ContainsKey(article.Id))
            {
                index.Add(article);
                expected[article.Id] = article;
            }
            else if (random.Next(2) == 0)
            {
                Assert.True(index.Remove(article.Id));
                expected.Remove(article.Id);
            }
            else
            {
                var changed = article with { Title = article.Title + " " + step };
                index.Update(changed);
                expected[article.Id] = changed;
            }
        }

        var fresh = KnowledgeIndex.Build(expected.Values, index.Embedder);
        Assert.Equal(expected.Keys.Order(), index.Articles.Select(a => a.Id).Order());
        foreach (var query in Samples.Queries.Take(40).Select(q => q.Query))
        {
            var a = index.Search(query, top: 3).Select(h => (h.Article.Id, Math.Round(h.TextScore, 3), Math.Round(h.Similarity, 3)));
            var b = fresh.Search(query, top: 3).Select(h => (h.Article.Id, Math.Round(h.TextScore, 3), Math.Round(h.Similarity, 3)));
            Assert.Equal(b, a);
        }
    }
}
