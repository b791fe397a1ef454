using System.Globalization;
using System.Text.Json;
using SuperTickets.Data.Admin;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Sla;

/// <summary>Turns the stored calendars (sla_calendars) into the set the SLA engine measures business time with.</summary>
public static class SlaCalendars
{
    public static BusinessCalendarSet Build(IEnumerable<SlaCalendarRecord> records, string? defaultId = null) =>
        new(records.Select(ToCalendar), defaultId);

    public static BusinessCalendar ToCalendar(SlaCalendarRecord record)
    {
        var hours = JsonSerializer.Deserialize<List<OpeningHours>>(record.WeeklyHoursJson, JsonSerializerOptions.Web) ?? [];
        var holidays = (JsonSerializer.Deserialize<List<string>>(record.HolidaysJson) ?? [])
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var intervals = hours.Select(h => new WeeklyInterval(
            Enum.Parse<DayOfWeek>(h.Day!, ignoreCase: true), Time(h.Start!), Time(h.End!)));
        return new BusinessCalendar(record.Id, record.TimeZone, new WeeklySchedule(intervals), holidays);
    }

    private static TimeSpan Time(string text) =>
        text == "24:00" ? TimeSpan.FromDays(1) : TimeSpan.ParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture);
}
