namespace SuperTickets.Contracts;

/// <summary>Versioned topic names. Changing a payload incompatibly means a new topic version.</summary>
public static class Topics
{
    public const string EmailReceived = "supertickets.email.received.v1";
    public const string EmailTriaged = "supertickets.email.triaged.v1";
    public const string ReplyRequested = "supertickets.reply.requested.v1";
    public const string MeetingRequested = "supertickets.meeting.requested.v1";
    public const string TicketEvents = "supertickets.ticket.events.v1";
    public const string SlaEvents = "supertickets.sla.events.v1";

    public static IReadOnlyList<string> All { get; } =
        [EmailReceived, EmailTriaged, ReplyRequested, MeetingRequested, TicketEvents, SlaEvents];
}
