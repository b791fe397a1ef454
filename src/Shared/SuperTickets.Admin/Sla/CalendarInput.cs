using SuperTickets.Pipeline.Sla;
using System.Globalization;
using System.Text.Json;
using SuperTickets.Admin.Http;
using SuperTickets.Data.Admin;
using SuperTickets.Sla;

namespace SuperTickets.Admin.Sla;

/// <summary>
/// A business calendar: an IANA time zone id, weekly opening hours (<c>{"day":"monday","start":"09:00","end":"17:00"}</c>,
/// end may be <c>24:00</c>) and holiday dates (<c>yyyy-MM-dd</c>).
/// </summary>
public sealed record CalendarInput(string? TimeZone, IReadOnlyList<OpeningHours>? WeeklyHours, IReadOnlyList<string>? Holidays = null)
{
    /// <summary>Validates the input by building the calendar the SLA engine would build from it.</summary>
    public FieldErrors Validate(string id)
    {
        var errors = new FieldErrors().When(!Ids.IsValid(id), "id", Ids.Rule);
        if (string.IsNullOrWhiteSpace(TimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors.Add("timeZone", "must be a known time zone id such as Europe/Berlin.");
        }
        var intervals = new List<WeeklyInterval>();
        if (WeeklyHours is null or { Count: 0 })
        {
            errors.Add("weeklyHours", "give at least one day with opening hours.");
        }
        for (var i = 0; i < (WeeklyHours?.Count ?? 0); i++)
        {
            var hours = WeeklyHours![i];
            var day = Enum.TryParse<DayOfWeek>(hours.Day, ignoreCase: true, out var d) && Enum.IsDefined(d) && !int.TryParse(hours.Day, out _) ? d : (DayOfWeek?)null;
            var start = Time(hours.Start);
            var end = Time(hours.End);
            errors.When(day is null, $"weeklyHours[{i}].day", "must be a day name such as monday.")
                .When(start is null, $"weeklyHours[{i}].start", "must be a time HH:mm.")
                .When(end is null, $"weeklyHours[{i}].end", "must be a time HH:mm (24:00 allowed).")
                .When(start >= end, $"weeklyHours[{i}].end", "must be after start.");
            if (day is { } dd && start is { } s && end is { } e && s < e)
            {
                intervals.Add(new WeeklyInterval(dd, s, e));
            }
        }
        var holidays = new List<DateOnly>();
        for (var i = 0; i < (Holidays?.Count ?? 0); i++)
        {
            if (DateOnly.TryParseExact(Holidays![i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                holidays.Add(date);
            }
            else
            {
                errors.Add($"holidays[{i}]", "must be a date yyyy-MM-dd.");
            }
        }
        if (!errors.Any)
        {
            try
            {
                _ = new BusinessCalendar(id, TimeZone!, new WeeklySchedule(intervals), holidays);
            }
            catch (ArgumentException ex)
            {
                errors.Add("weeklyHours", ex.Message);
            }
        }
        return errors;
    }

    public SlaCalendarRecord ToRecord(string id, DateTimeOffset now) => new()
    {
        Id = id,
        TimeZone = TimeZone!,
        WeeklyHoursJson = JsonSerializer.Serialize(WeeklyHours!.Select(h => new { day = h.Day!.ToLowerInvariant(), start = h.Start, end = h.End })),
        HolidaysJson = JsonSerializer.Serialize(Holidays ?? []),
        UpdatedAt = now,
    };

    private static TimeSpan? Time(string? text)
    {
        if (text == "24:00")
        {
            return TimeSpan.FromDays(1);
        }
        return TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var time) && time < TimeSpan.FromDays(1) ? time : null;
    }
}
