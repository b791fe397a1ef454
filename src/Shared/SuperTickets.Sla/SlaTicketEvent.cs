namespace SuperTickets.Sla;

/// <summary>One entry of a ticket's SLA-relevant history. Use the factory methods to build valid events.</summary>
public sealed record SlaTicketEvent(DateTimeOffset At, SlaEventKind Kind, string? Priority = null, string? PolicyId = null)
{
    /// <summary>Ticket opened with a priority; <paramref name="policyId"/>, when given, overrides policy resolution.</summary>
    public static SlaTicketEvent Created(DateTimeOffset at, string priority, string? policyId = null) =>
        new(at, SlaEventKind.Created, priority, policyId);

    public static SlaTicketEvent PriorityChanged(DateTimeOffset at, string priority) =>
        new(at, SlaEventKind.PriorityChanged, priority);

    public static SlaTicketEvent PolicyChanged(DateTimeOffset at, string policyId) =>
        new(at, SlaEventKind.PolicyChanged, PolicyId: policyId);

    public static SlaTicketEvent Paused(DateTimeOffset at) => new(at, SlaEventKind.Paused);

    public static SlaTicketEvent Resumed(DateTimeOffset at) => new(at, SlaEventKind.Resumed);

    public static SlaTicketEvent FirstResponded(DateTimeOffset at) => new(at, SlaEventKind.FirstResponded);

    public static SlaTicketEvent Solved(DateTimeOffset at) => new(at, SlaEventKind.Solved);

    public static SlaTicketEvent Reopened(DateTimeOffset at) => new(at, SlaEventKind.Reopened);
}
