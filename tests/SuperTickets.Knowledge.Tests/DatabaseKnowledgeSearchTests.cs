namespace SuperTickets.Knowledge.Tests;

public sealed class DatabaseKnowledgeSearchTests
{
    [Fact]
    public async Task Text_ranking_from_the_engine_is_fused_with_vector_similarity()
    {
        string? received = null;
        Task<IReadOnlyList<KbTextMatch>> Engine(string terms, int top, string? language, CancellationToken ct)
        {
            received = terms;
            IReadOnlyList<KbTextMatch> hits = [new("webhook-setup", 3.5), new("not-in-the-index", 2.0), new("api-keys", 1.0)];
            return Task.FromResult(hits);
        }

        var search = new DatabaseKnowledgeSearch(Samples.Index, Engine);

        var hits = await search.SearchAsync("Webhooks\nHello team,\n\nHow do I configure a webhook endpoint?\n\nKind regards,\nAnn", top: 3);

        Assert.Equal("webhook-setup", hits[0].Article.Id);
        Assert.Equal(3.5, hits[0].TextScore);
        Assert.True(hits[0].Similarity > 0);
        Assert.DoesNotContain(hits, h => h.Article.Id == "not-in-the-index");
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Equal("webhooks configure webhook endpoint", received);
    }

    [Fact]
    public async Task Articles_the_engine_misses_are_still_found_by_their_vectors()
    {
        static Task<IReadOnlyList<KbTextMatch>> Nothing(string terms, int top, string? language, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<KbTextMatch>>([]);

        var hits = await new DatabaseKnowledgeSearch(Samples.Index, Nothing).SearchAsync("reset my password", top: 3);

        Assert.Contains(hits, h => h.Article.Id == "reset-password");
        Assert.All(hits, h => Assert.Equal(0, h.TextScore));
    }

    [Fact]
    public async Task Query_of_only_stop_words_does_not_call_the_engine()
    {
        var calls = 0;
        Task<IReadOnlyList<KbTextMatch>> Engine(string terms, int top, string? language, CancellationToken ct)
        {
            calls++;
            return Task.FromResult<IReadOnlyList<KbTextMatch>>([]);
        }

        var hits = await new DatabaseKnowledgeSearch(Samples.Index, Engine).SearchAsync("the and of");

        Assert.Empty(hits);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Words_found_in_more_articles_than_the_engine_should_rank_are_left_out()
    {
        var articles = Enumerable.Range(0, 1_200).Select(i => new KbArticle(
            $"a-{i}", $"Note {i}", "widget " + (i % 2 == 0 ? "gadget " : "") + (i < 3 ? "zephyr" : ""), "general", [], "en", DateTimeOffset.UnixEpoch));
        var index = KnowledgeIndex.Build(articles);
        string? received = null;
        Task<IReadOnlyList<KbTextMatch>> Engine(string terms, int top, string? language, CancellationToken ct)
        {
            received = terms;
            return Task.FromResult<IReadOnlyList<KbTextMatch>>([]);
        }

        var search = new DatabaseKnowledgeSearch(index, Engine);

        await search.SearchAsync("widget zephyr qwxyzt");
        Assert.Equal("zephyr qwxyzt", received);
        await search.SearchAsync("widget gadget");
        Assert.Equal("gadget", received);
        await search.SearchAsync("widgets");
        Assert.Equal("widgets", received);
    }
}
