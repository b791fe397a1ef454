namespace SuperTickets.Contracts;

/// <summary>A customer asked for a call; the respond stage proposes a slot by calendar or ICS invitation.</summary>
public sealed record MeetingRequested(
    long TicketId,
    long EmailId,
    DateTimeOffset ProposedStart,
    TimeSpan Duration,
    string IdempotencyKey);
