using SuperTickets.Data;

namespace SuperTickets.Admin.Views;

/// <summary>An outgoing email without its content.</summary>
public sealed record OutboundEmailView(
    long Id, long TicketId, string Kind, string IdempotencyKey, string Subject, string MessageId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    public static OutboundEmailView From(OutboundEmailRecord r) =>
        new(r.Id, r.TicketId, r.Kind, r.IdempotencyKey, r.Subject, r.MessageId, r.Status, r.CreatedAt, r.SentAt);
}
