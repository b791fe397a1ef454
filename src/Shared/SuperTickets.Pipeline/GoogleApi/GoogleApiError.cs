using System.Net;

namespace SuperTickets.Pipeline.GoogleApi;

/// <summary>What a Google REST API said when it refused a request.</summary>
/// <param name="Status">The canonical status name (<c>NOT_FOUND</c>), when the API gives one.</param>
/// <param name="Reasons">The <c>errors[].reason</c> values (<c>duplicate</c>, <c>rateLimitExceeded</c>), when the API gives them.</param>
public sealed record GoogleApiError(HttpStatusCode StatusCode, string? ReasonPhrase, string? Status, string? Message, IReadOnlyList<string> Reasons)
{
    /// <summary>One line for an exception message, e.g. <c>Gmail API returned 404 Not Found (NOT_FOUND: Requested entity was not found.)</c>.</summary>
    public string Describe(string api)
    {
        var kind = Status ?? (Reasons.Count > 0 ? Reasons[0] : null);
        var detail = kind is null && Message is null ? "" : $" ({kind}: {Message})";
        return $"{api} returned {(int)StatusCode} {ReasonPhrase}{detail}";
    }
}
