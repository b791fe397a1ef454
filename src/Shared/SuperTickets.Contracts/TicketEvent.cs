namespace SuperTickets.Contracts;

/// <summary>Something happened to a ticket. <see cref="Kind"/> is one of <see cref="TicketEventKinds"/>.</summary>
public sealed record TicketEvent(
    long TicketId,
    string TicketNumber,
    string Kind,
    string Status,
    string Priority,
    string Category,
    DateTimeOffset OccurredAt,
    string? Detail);
