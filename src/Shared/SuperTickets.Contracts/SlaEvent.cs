namespace SuperTickets.Contracts;

/// <summary>An SLA threshold was crossed for a ticket (at risk or breached).</summary>
public sealed record SlaEvent(
    long TicketId,
    string TicketNumber,
    string Threshold,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt,
    string PolicyId);
