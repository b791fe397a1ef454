using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Knowledge.Embedding;

namespace SuperTickets.Knowledge.Tests;

public sealed class ProviderEmbeddingTests : IAsyncLifetime
{
    private readonly FakeEmbeddingsServer _server = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private OpenAiTextEmbedder Embedder(int batchSize = 16) => new(new KnowledgeEmbeddingOptions
    {
        Provider = KnowledgeEmbeddingProvider.OpenAI, Endpoint = _server.Endpoint, Model = "embed-small", ApiKey = "sk-test",
        Dimensions = FakeEmbeddingsServer.Dimensions, BatchSize = batchSize, MaxRetries = 0,
    }, _http);

    private static KnowledgeIndexBuilder Builder(IBatchTextEmbedder provider) => new(provider, NullLogger<KnowledgeIndexBuilder>.Instance);

    [Fact]
    public void Articles_are_embedded_in_batches_and_only_changed_ones_are_sent_again()
    {
        var articles = Samples.Articles.Take(10).ToList();
        var builder = Builder(Embedder(batchSize: 4));

        builder.Build(articles);

        var first = _server.Requests.ToArray();
        Assert.Equal([4, 4, 2], first.Select(r => r.Inputs.Length));
        Assert.All(first, r => Assert.Equal(("Bearer sk-test", "embed-small"), (r.Authorization, r.Model)));
        Assert.Equal(articles[0].Title, first[0].Inputs[0].Split('\n')[0]);

        _server.Requests.Clear();
        var edited = articles.Select((a, i) => i == 7 ? a with { Body = a.Body + " Now also on weekends." } : a).ToList();
        builder.Build(edited);

        var again = Assert.Single(_server.Requests);
        Assert.Contains("Now also on weekends.", Assert.Single(again.Inputs));
    }

    [Fact]
    public void Index_built_on_provider_vectors_searches_with_them()
    {
        var provider = Embedder();
        var index = Builder(provider).Build(Samples.Articles);
        _server.Requests.Clear();

        var hits = index.Search("how do I reset my password", top: 3);

        Assert.Same(provider, index.Embedder);
        Assert.Equal("reset-password", hits[0].Article.Id);
        Assert.InRange(hits[0].Similarity, 0.05, 1.0);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public void Vectors_are_normalized_and_placed_by_their_index()
    {
        var provider = Embedder();
        var texts = new[] { "reset password link", "download invoices as pdf", "webhook signature" };
        var vectors = new float[texts.Length * provider.Dimensions];
        var expected = new float[provider.Dimensions];

        provider.EmbedMany(texts, vectors);

        for (var i = 0; i < texts.Length; i++)
        {
            new HashedTextEmbedder(FakeEmbeddingsServer.Dimensions).Embed(texts[i], expected);
            var actual = vectors.AsSpan(i * provider.Dimensions, provider.Dimensions).ToArray();
            Assert.Equal(expected, actual, (x, y) => Math.Abs(x - y) < 1e-5f);
        }
    }

    [Fact]
    public void Provider_failing_at_build_time_leaves_an_index_on_hashed_vectors()
    {
        _server.FailWith = HttpStatusCode.InternalServerError;

        var index = Builder(Embedder()).Build(Samples.Articles);

        Assert.IsType<HashedTextEmbedder>(index.Embedder);
        Assert.Equal("reset-password", index.Search("how do I reset my password", top: 3)[0].Article.Id);
        Assert.NotEmpty(_server.Requests);
    }

    [Fact]
    public void Query_that_cannot_be_embedded_gets_a_zero_vector_and_batches_get_an_error()
    {
        var provider = Embedder();
        _server.FailWith = HttpStatusCode.TooManyRequests;
        var vector = new float[provider.Dimensions];
        vector[0] = 1f;

        provider.Embed("reset my password", vector);
        var error = Assert.Throws<EmbeddingProviderException>(() => provider.EmbedMany(["reset my password"], new float[provider.Dimensions]));

        Assert.All(vector, x => Assert.Equal(0f, x));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.Status);
        Assert.Contains("The model is overloaded.", error.Message);
    }

    [Fact]
    public void Vectors_of_the_wrong_length_are_an_error()
    {
        var provider = new OpenAiTextEmbedder(new KnowledgeEmbeddingOptions
        {
            Endpoint = _server.Endpoint, Model = "embed-small", Dimensions = 32, MaxRetries = 0,
        }, _http);

        var error = Assert.Throws<EmbeddingProviderException>(() => provider.EmbedMany(["text"], new float[32]));

        Assert.Contains("32 dimensions", error.Message);
    }

    [Fact]
    public void Configuration_selects_the_provider_and_borrows_the_llm_endpoint_and_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Embeddings:Provider"] = "openai",
            ["Knowledge:Embeddings:Model"] = "embed-small",
            ["Knowledge:Embeddings:Dimensions"] = "64",
            ["Llm:Endpoint"] = _server.Endpoint,
            ["Llm:ApiKey"] = "sk-llm",
        });
        builder.AddKnowledgeEmbeddings();
        using var host = builder.Build();

        var indexBuilder = host.Services.GetRequiredService<KnowledgeIndexBuilder>();
        indexBuilder.Build(Samples.Articles.Take(3));

        Assert.IsType<OpenAiTextEmbedder>(indexBuilder.Provider);
        Assert.Equal("Bearer sk-llm", _server.Requests.First().Authorization);
    }

    [Fact]
    public void Missing_model_with_the_openai_provider_stops_start_up_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Knowledge:Embeddings:Provider"] = "openai" });
        builder.AddKnowledgeEmbeddings();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<KnowledgeEmbeddingOptions>>().Value);

        Assert.Contains("Knowledge:Embeddings:Model", error.Message);
    }

    [Fact]
    public void Without_a_provider_the_builder_uses_hashed_vectors()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddKnowledgeEmbeddings();
        using var host = builder.Build();

        var index = host.Services.GetRequiredService<KnowledgeIndexBuilder>().Build(Samples.Articles);

        Assert.IsType<HashedTextEmbedder>(index.Embedder);
        Assert.Empty(_server.Requests);
    }
}
