namespace SuperTickets.Data;

/// <summary>One entry of the interaction log. <see cref="Analysis"/> is serialized to JSON.</summary>
public sealed record Interaction(
    string Stage,
    string Action,
    long? EmailId,
    long? TicketId,
    string? CorrelationId,
    string Summary,
    object? Analysis = null);
