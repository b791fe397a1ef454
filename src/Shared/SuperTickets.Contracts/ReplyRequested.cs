namespace SuperTickets.Contracts;

/// <summary>An outgoing email was composed and stored; the respond stage sends it exactly once.</summary>
public sealed record ReplyRequested(
    long OutboundEmailId,
    long TicketId,
    string Kind,
    string IdempotencyKey);
