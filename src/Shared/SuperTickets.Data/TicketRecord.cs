namespace SuperTickets.Data;

public sealed record TicketRecord
{
    public long Id { get; init; }
    public string Subject { get; init; } = "";
    public long CustomerId { get; init; }
    public string CustomerEmail { get; init; } = "";
    public string? CustomerName { get; init; }
    public string Status { get; init; } = "";
    public string Priority { get; init; } = "";
    public string Category { get; init; } = "";
    public string? Intent { get; init; }
    public string Channel { get; init; } = "email";
    public string Language { get; init; } = "en";
    public double Sentiment { get; init; }
    public long? AssigneeId { get; init; }
    public double SmartScore { get; init; }
    public string ScoreBreakdownJson { get; init; } = "{}";
    public string? SlaPolicyId { get; init; }
    public long RootEmailId { get; init; }
    public string? RootMessageId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? FirstResponseAt { get; init; }
    public DateTimeOffset? SolvedAt { get; init; }
}
