namespace SuperTickets.Knowledge.Embedding;

/// <summary>An embedder that is cheaper per text when given many at once (a remote one: one request per batch).
/// <see cref="KnowledgeIndex.Build"/> embeds all articles through it before indexing them.</summary>
public interface IBatchTextEmbedder : ITextEmbedder
{
    /// <summary>Writes the embedding of each of <paramref name="texts"/>, one after another, into
    /// <paramref name="destination"/> (length: count × <see cref="ITextEmbedder.Dimensions"/>).</summary>
    /// <exception cref="EmbeddingProviderException">The texts could not be embedded.</exception>
    void EmbedMany(IReadOnlyList<string> texts, Span<float> destination);
}
