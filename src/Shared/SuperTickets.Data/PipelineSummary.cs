namespace SuperTickets.Data;

public sealed record PipelineSummary(
    long Emails,
    long Quarantined,
    long Ignored,
    long Tickets,
    long AutoAnswered,
    long RepliesWritten,
    long Interactions,
    long DeadLetters,
    IReadOnlyList<(string Category, long Tickets)> PerCategory);
