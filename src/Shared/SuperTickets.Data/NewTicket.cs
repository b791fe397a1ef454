namespace SuperTickets.Data;

/// <summary>A ticket to create; <see cref="Id"/> is one from <see cref="TicketIdReservations"/>, or null for the next one.</summary>
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
    DateTimeOffset? SolvedAt = null,
    long? Id = null);
