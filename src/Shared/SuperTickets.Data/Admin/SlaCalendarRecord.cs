namespace SuperTickets.Data.Admin;

/// <summary>A business calendar: IANA time zone, weekly hours and holidays (both JSON).</summary>
public sealed record SlaCalendarRecord
{
    public string Id { get; init; } = "";
    public string TimeZone { get; init; } = "";
    public string WeeklyHoursJson { get; init; } = "[]";
    public string HolidaysJson { get; init; } = "[]";
    public DateTimeOffset UpdatedAt { get; init; }
}
