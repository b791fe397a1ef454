using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SuperTickets.Knowledge.Embedding;
using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Pipeline.Tests;

public sealed class KnowledgeEmbeddingWiringTests
{
    [Fact]
    public void The_resolve_stage_builds_its_index_with_the_configured_embedding_provider()
    {
        using var configured = Build(new()
        {
            ["Knowledge:Embeddings:Provider"] = "openai",
            ["Knowledge:Embeddings:Model"] = "text-embedding-3-small",
            ["Knowledge:Embeddings:Dimensions"] = "256",
            ["Knowledge:Embeddings:Endpoint"] = "http://127.0.0.1:9/v1",
        });
        using var plain = Build([]);

        Assert.IsType<OpenAiTextEmbedder>(configured.Services.GetRequiredService<KnowledgeIndexBuilder>().Provider);
        Assert.Null(plain.Services.GetRequiredService<KnowledgeIndexBuilder>().Provider);
        Assert.NotNull(configured.Services.GetRequiredService<KnowledgeBase>());
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "wiring-" + Guid.NewGuid().ToString("N"))}.db",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddResolveStage();
        return builder.Build();
    }
}
