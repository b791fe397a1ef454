using System.Net;

namespace SuperTickets.Llm;

/// <summary>A language model service refused or failed a request, or answered with something that is not its documented format.</summary>
public sealed class LlmRequestException : Exception
{
    public LlmRequestException(string message, HttpStatusCode? statusCode, string? errorType, TimeSpan? retryAfter = null, Exception? inner = null)
        : base(message, inner)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        RetryAfter = retryAfter;
    }

    /// <summary>HTTP status of the answer; null when no answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The service's error name, e.g. ThrottlingException or rate_limit_exceeded.</summary>
    public string? ErrorType { get; }

    /// <summary>How long the service asked the caller to wait (Retry-After).</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Throttling, server errors, request timeouts and lost connections: trying again may succeed.</summary>
    public bool IsTransient => StatusCode is null
        or HttpStatusCode.TooManyRequests
        or HttpStatusCode.RequestTimeout
        or >= HttpStatusCode.InternalServerError;

    /// <summary>Short, content-free description for logs: error type and status.</summary>
    public string Describe() => $"{ErrorType ?? "error"} ({(StatusCode is { } s ? ((int)s).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no response")})";
}
