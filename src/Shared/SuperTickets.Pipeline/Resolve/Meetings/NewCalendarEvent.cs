namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>What <c>events.insert</c> creates: one timed event with one attendee.</summary>
/// <param name="Id">The client-chosen event id (base32hex, see <see cref="CalendarEventIds"/>); a repeat insert answers 409.</param>
/// <param name="PrivateProperties">Stored as <c>extendedProperties.private</c>, visible only on this calendar.</param>
public sealed record NewCalendarEvent(
    string Id,
    string Summary,
    string Description,
    DateTimeOffset Start,
    TimeSpan Duration,
    string TimeZone,
    string AttendeeEmail,
    string? AttendeeName,
    IReadOnlyDictionary<string, string> PrivateProperties,
    bool CreateConference);
