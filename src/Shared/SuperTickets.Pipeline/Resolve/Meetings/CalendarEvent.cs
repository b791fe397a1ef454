namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>An event as the Calendar API returned it; <see cref="HtmlLink"/> opens it in the calendar's web interface.</summary>
public sealed record CalendarEvent(string Id, string? HtmlLink, string? ICalUid, string? Status);
