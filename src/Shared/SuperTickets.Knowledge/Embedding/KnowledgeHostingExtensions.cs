using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SuperTickets.Knowledge.Embedding;

public static class KnowledgeHostingExtensions
{
    /// <summary>
    /// Binds and validates <c>Knowledge:Embeddings</c> and registers the <see cref="KnowledgeIndexBuilder"/> (once, however often it is called). With
    /// <c>Knowledge:Embeddings:Provider = openai</c> it embeds through an <see cref="OpenAiTextEmbedder"/>, whose
    /// endpoint and key default to <c>Llm:Endpoint</c> and <c>Llm:ApiKey</c>.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledgeEmbeddings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(KnowledgeIndexBuilder)))
        {
            return builder;
        }
        var llm = builder.Configuration.GetSection("Llm");
        builder.Services.AddOptions<KnowledgeEmbeddingOptions>()
            .BindConfiguration(KnowledgeEmbeddingOptions.Section)
            .PostConfigure(o =>
            {
                o.Endpoint = string.IsNullOrWhiteSpace(o.Endpoint) ? llm["Endpoint"] : o.Endpoint;
                o.ApiKey = string.IsNullOrWhiteSpace(o.ApiKey) ? llm["ApiKey"] : o.ApiKey;
            })
            .Validate(o => o.Provider != KnowledgeEmbeddingProvider.OpenAI || !string.IsNullOrWhiteSpace(o.Model),
                $"{KnowledgeEmbeddingOptions.Section}:Model is required when {KnowledgeEmbeddingOptions.Section}:Provider is openai.")
            .Validate(o => o.Provider != KnowledgeEmbeddingProvider.OpenAI || o.Dimensions is >= 1 and <= 4096,
                $"{KnowledgeEmbeddingOptions.Section}:Dimensions (1 to 4096, the model's vector length) is required when {KnowledgeEmbeddingOptions.Section}:Provider is openai.")
            .Validate(o => o.BatchSize >= 1 && o.MaxRetries >= 0 && o.Timeout > TimeSpan.Zero,
                $"{KnowledgeEmbeddingOptions.Section}:BatchSize must be at least 1, MaxRetries at least 0 and Timeout positive.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<KnowledgeEmbeddingOptions>>().Value;
            var provider = options.Provider == KnowledgeEmbeddingProvider.OpenAI
                ? new OpenAiTextEmbedder(options, CreateHttpClient(), services.GetRequiredService<ILogger<OpenAiTextEmbedder>>())
                : null;
            return new KnowledgeIndexBuilder(provider, services.GetRequiredService<ILogger<KnowledgeIndexBuilder>>());
        });
        return builder;
    }

    private static HttpClient CreateHttpClient() => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
