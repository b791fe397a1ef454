namespace SuperTickets.Knowledge.Embedding;

/// <summary>
/// Which embeddings the knowledge index uses (section <c>Knowledge:Embeddings</c>). By default the local hashed
/// vectors; with <see cref="Provider"/> <c>openai</c>, vectors from an OpenAI-compatible <c>/embeddings</c>
/// endpoint, falling back to the hashed vectors when the endpoint fails while the index is built.
/// </summary>
public sealed class KnowledgeEmbeddingOptions
{
    public const string Section = "Knowledge:Embeddings";

    public KnowledgeEmbeddingProvider Provider { get; set; } = KnowledgeEmbeddingProvider.Hashed;

    /// <summary>API base URL (e.g. <c>http://localhost:11434/v1</c>); empty: <c>Llm:Endpoint</c>, else OpenAI itself.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Embedding model name, required with a provider.</summary>
    public string? Model { get; set; }

    /// <summary>Length of the model's vectors, required with a provider; an answer of another length is an error.</summary>
    public int Dimensions { get; set; }

    /// <summary>API key; empty: <c>Llm:ApiKey</c>. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Texts sent in one request while the index is built.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Time allowed for one request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a throttled (429), failed (5xx) or timed-out request, one second apart and doubling.</summary>
    public int MaxRetries { get; set; } = 2;
}
