using SuperTickets.Admin.Http;
using SuperTickets.Data;

namespace SuperTickets.Admin.Tickets;

/// <summary>Changes to a ticket; absent fields stay as they are. <see cref="Unassign"/> removes the assignee.</summary>
public sealed record TicketPatch(string? Status = null, string? Priority = null, long? AssigneeId = null, bool? Unassign = null)
{
    public static IReadOnlyList<string> Statuses { get; } =
        [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending, TicketStatus.SolvedPendingConfirmation, TicketStatus.Solved, TicketStatus.Closed];

    public static IReadOnlyList<string> Priorities { get; } = ["low", "normal", "high", "urgent"];

    public FieldErrors Validate()
    {
        var errors = new FieldErrors()
            .OneOf(Status, "status", Statuses)
            .OneOf(Priority, "priority", Priorities)
            .When(AssigneeId is <= 0, "assigneeId", "must be a positive agent id.")
            .When(AssigneeId is not null && Unassign == true, "unassign", "cannot be combined with assigneeId.");
        return errors.When(Status is null && Priority is null && AssigneeId is null && Unassign != true, "$",
            "give at least one of status, priority, assigneeId, unassign.");
    }
}
