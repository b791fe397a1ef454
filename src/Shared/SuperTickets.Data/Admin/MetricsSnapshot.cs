namespace SuperTickets.Data.Admin;

/// <summary>Everything the metrics endpoint reports, read in one pass.</summary>
public sealed record MetricsSnapshot(
    IReadOnlyList<(string Stage, string Action, long Count)> Interactions,
    IReadOnlyList<(string Status, long Count)> EmailsByStatus,
    IReadOnlyList<(string Status, long Count)> TicketsByStatus,
    long OutboxBacklog,
    DateTimeOffset? OldestOutboxMessage,
    long DeadLettersPending,
    IReadOnlyList<double> FirstReplySeconds,
    IReadOnlyList<(string Target, string State, long Count)> SlaStates,
    long AutoAnsweredTickets,
    long Tickets);
