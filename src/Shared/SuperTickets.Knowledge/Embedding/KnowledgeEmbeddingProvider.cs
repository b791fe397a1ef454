namespace SuperTickets.Knowledge.Embedding;

/// <summary>Source of the knowledge index's embeddings.</summary>
public enum KnowledgeEmbeddingProvider
{
    /// <summary>Local hashed n-gram vectors (<see cref="HashedTextEmbedder"/>); nothing leaves the process.</summary>
    Hashed,

    /// <summary>An OpenAI-compatible <c>/embeddings</c> endpoint (<see cref="OpenAiTextEmbedder"/>).</summary>
    OpenAI,
}
