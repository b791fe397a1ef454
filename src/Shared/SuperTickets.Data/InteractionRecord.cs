namespace SuperTickets.Data;

public sealed record InteractionRecord
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string Stage { get; init; } = "";
    public string Action { get; init; } = "";
    public long? RawEmailId { get; init; }
    public long? TicketId { get; init; }
    public string? CorrelationId { get; init; }
    public string Summary { get; init; } = "";
    public string? AnalysisJson { get; init; }
}
