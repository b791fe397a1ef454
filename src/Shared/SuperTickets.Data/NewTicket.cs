namespace SuperTickets.Data;

public sealed record NewTicket(
    string Subject,
    long CustomerId,
    string Status,
    string Priority,
    string Category,
    string? Intent,
    string Language,
    double Sentiment,
    double SmartScore,
    string ScoreBreakdownJson,
    string? SlaPolicyId,
    long RootEmailId,
    string? RootMessageId,
    DateTimeOffset CreatedAt,
    long? AssigneeId = null,
    DateTimeOffset? SolvedAt = null);
