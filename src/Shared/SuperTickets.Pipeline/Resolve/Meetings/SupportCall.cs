using SuperTickets.Contracts;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>How a support call is named, shared by the emailed invitation and the calendar event so the two correspond.</summary>
public static class SupportCall
{
    /// <summary>The iCalendar UID of the call about a ticket (one call is proposed per new ticket).</summary>
    public static string Uid(long ticketId, string messageIdDomain) => $"ticket-{ticketId}-call@{messageIdDomain}";

    public static string Summary(long ticketId) => $"Support call about {TicketNumber.Format(ticketId)}";
}
