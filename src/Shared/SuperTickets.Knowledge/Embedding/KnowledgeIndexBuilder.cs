using Microsoft.Extensions.Logging;

namespace SuperTickets.Knowledge.Embedding;

/// <summary>
/// Builds the knowledge index with the configured embeddings: the provider's when there is one, and the local
/// hashed vectors when there is none or when the provider fails during the build (the index is then wholly
/// hashed, so articles and queries stay comparable).
/// </summary>
public sealed partial class KnowledgeIndexBuilder(IBatchTextEmbedder? provider, ILogger<KnowledgeIndexBuilder> logger)
{
    /// <summary>The provider's embedder, or null for hashed vectors.</summary>
    public IBatchTextEmbedder? Provider { get; } = provider;

    public KnowledgeIndex Build(IEnumerable<KbArticle> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (Provider is null)
        {
            return KnowledgeIndex.Build(articles);
        }

        var list = articles.ToList();
        try
        {
            return KnowledgeIndex.Build(list, Provider);
        }
        catch (EmbeddingProviderException ex)
        {
            LogFallback(logger, list.Count, (int?)ex.Status, ex.Message);
            return KnowledgeIndex.Build(list);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding {Articles} knowledge articles failed (status {Status}): {Reason}; the index uses hashed vectors")]
    private static partial void LogFallback(ILogger logger, int articles, int? status, string reason);
}
