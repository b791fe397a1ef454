using System.Net;

namespace SuperTickets.Knowledge.Embedding;

/// <summary>An embeddings endpoint could not be reached, refused the request, or answered with something unusable.</summary>
public sealed class EmbeddingProviderException(string message, HttpStatusCode? status = null, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status of the answer; null when there was none.</summary>
    public HttpStatusCode? Status { get; } = status;
}
