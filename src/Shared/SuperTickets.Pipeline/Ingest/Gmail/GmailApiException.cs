using System.Net;

namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>A Gmail API call answered with an error status.</summary>
public sealed class GmailApiException(HttpStatusCode statusCode, string message) : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Worth retrying later: rate limits and server-side failures.</summary>
    public bool IsTransient => StatusCode is HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;
}
