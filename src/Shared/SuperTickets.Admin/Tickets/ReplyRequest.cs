using System.Text.RegularExpressions;
using SuperTickets.Admin.Http;

namespace SuperTickets.Admin.Tickets;

/// <summary>
/// An agent's reply to the customer. <see cref="IdempotencyKey"/> (or the <c>Idempotency-Key</c> header) makes a
/// retried request return the first reply instead of sending a second one; <see cref="SetStatus"/> optionally moves
/// the ticket on (typically to <c>pending</c>, waiting on the customer).
/// </summary>
public sealed partial record ReplyRequest(string? Text, string? IdempotencyKey = null, string? SetStatus = null)
{
    public const int MaxTextLength = 100_000;

    public FieldErrors Validate(string? headerKey)
    {
        var key = IdempotencyKey ?? headerKey;
        return new FieldErrors()
            .Length(Text, "text", MaxTextLength, required: true)
            .When(key is not null && !KeyPattern().IsMatch(key), "idempotencyKey", "must be 1-128 characters of letters, digits, '.', '_', ':' or '-'.")
            .OneOf(SetStatus, "setStatus", TicketPatch.Statuses);
    }

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
