namespace SuperTickets.Data;

public sealed record TicketQuery(
    string? Status = null,
    string? Priority = null,
    string? Category = null,
    long? AssigneeId = null,
    bool SmartOrder = true,
    int Limit = 50,
    int Offset = 0);
