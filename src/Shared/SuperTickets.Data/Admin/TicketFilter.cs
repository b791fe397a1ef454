namespace SuperTickets.Data.Admin;

/// <summary>
/// Ticket listing filter. <see cref="Unassigned"/> selects tickets without an assignee (and wins over
/// <see cref="AssigneeId"/>). Smart order puts open work first, then higher score, then the nearest SLA deadline.
/// </summary>
public sealed record TicketFilter(
    string? Status = null,
    string? Priority = null,
    string? Category = null,
    long? AssigneeId = null,
    bool Unassigned = false,
    bool SmartOrder = true,
    int Limit = 50,
    int Offset = 0);
