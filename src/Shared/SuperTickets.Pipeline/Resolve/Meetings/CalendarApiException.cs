using System.Net;
using SuperTickets.Pipeline.GoogleApi;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>The Calendar API refused a request (or answered one it accepted with an error for the calendar).</summary>
public sealed class CalendarApiException(HttpStatusCode statusCode, IReadOnlyList<string> reasons, string message) : Exception(message)
{
    private static readonly string[] RateLimitReasons = ["rateLimitExceeded", "userRateLimitExceeded"];

    public CalendarApiException(GoogleApiError error)
        : this(error.StatusCode, error.Reasons, error.Describe("Calendar API"))
    {
    }

    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The documented <c>errors[].reason</c> values, e.g. <c>duplicate</c>, <c>notFound</c>, <c>rateLimitExceeded</c>.</summary>
    public IReadOnlyList<string> Reasons { get; } = reasons;

    /// <summary>Worth retrying later: rate limits (429, or 403 with a rate-limit reason) and server-side failures.</summary>
    public bool IsTransient =>
        StatusCode is HttpStatusCode.TooManyRequests || (int)StatusCode >= 500
        || (StatusCode is HttpStatusCode.Forbidden && Reasons.Any(RateLimitReasons.Contains));

    /// <summary>Status and reasons only (no addresses or calendar ids), for logs and the interaction log.</summary>
    public string Summary => Reasons.Count == 0 ? $"HTTP {(int)StatusCode}" : $"HTTP {(int)StatusCode} {string.Join(',', Reasons)}";
}
