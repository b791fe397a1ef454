using SuperTickets.Admin.Http;

namespace SuperTickets.Admin.Emails;

/// <summary>Which emails to reprocess: the listed ids, or every quarantined email; <see cref="Force"/> publishes even if still unacceptable.</summary>
public sealed record ReprocessRequest(IReadOnlyList<long>? Ids = null, bool AllQuarantined = false, bool Force = false)
{
    public const int MaxEmails = 1000;

    public FieldErrors Validate() => new FieldErrors()
        .When(Ids is null or { Count: 0 } && !AllQuarantined, "ids", "give ids or set allQuarantined.")
        .When(Ids is { Count: > 0 } && AllQuarantined, "allQuarantined", "cannot be combined with ids.")
        .When(Ids is { Count: > MaxEmails }, "ids", $"at most {MaxEmails} ids per request.")
        .When(Ids?.Any(id => id <= 0) == true, "ids", "every id must be positive.");
}
