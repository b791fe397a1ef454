namespace SuperTickets.Sla.Tests;

internal static class Calendars
{
    public static readonly TimeSpan Nine = TimeSpan.FromHours(9);
    public static readonly TimeSpan Five = TimeSpan.FromHours(17);

    public static BusinessCalendar Berlin { get; } =
        new("berlin", "Europe/Berlin", WeeklySchedule.Weekdays(Nine, Five), [new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26)]);

    public static BusinessCalendar NewYork { get; } =
        new("new-york", "America/New_York", WeeklySchedule.Weekdays(Nine, Five), [new DateOnly(2025, 7, 4)]);

    /// <summary>Every day 01:00-04:00 local: spans the Berlin daylight-saving switch hours.</summary>
    public static BusinessCalendar BerlinNight { get; } = new(
        "berlin-night",
        "Europe/Berlin",
        new WeeklySchedule(Enum.GetValues<DayOfWeek>().Select(d => new WeeklyInterval(d, TimeSpan.FromHours(1), TimeSpan.FromHours(4)))));

    /// <summary>Every day 00:30-03:30 local: spans the New York daylight-saving switch hours.</summary>
    public static BusinessCalendar NewYorkNight { get; } = new(
        "new-york-night",
        "America/New_York",
        new WeeklySchedule(Enum.GetValues<DayOfWeek>().Select(d => new WeeklyInterval(d, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(210)))));

    public static DateTimeOffset Local(BusinessCalendar calendar, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, calendar.TimeZone.GetUtcOffset(local));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
