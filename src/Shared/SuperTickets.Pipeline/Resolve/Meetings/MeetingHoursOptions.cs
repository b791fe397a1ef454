using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>When calls may be booked (section <c>Resolve:Calendar:Google:BusinessHours</c>), in the calendar's local time.</summary>
public sealed class MeetingHoursOptions
{
    /// <summary>Opening time of each business day, local wall-clock time.</summary>
    public TimeSpan Start { get; set; } = TimeSpan.FromHours(9);

    /// <summary>Closing time of each business day; a call ends by then.</summary>
    public TimeSpan End { get; set; } = TimeSpan.FromHours(17);

    /// <summary>Business days, comma-separated English day names or their first three letters (<c>Mon,Tue,Wed,Thu,Fri</c>).</summary>
    public string Days { get; set; } = "Mon,Tue,Wed,Thu,Fri";

    /// <summary>Local dates without calls.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>The days of <see cref="Days"/>; false (and the first word that is not a day) when one is not a day name.</summary>
    public bool TryParseDays(out IReadOnlyList<DayOfWeek> days, out string? invalid)
    {
        var parsed = new List<DayOfWeek>();
        invalid = null;
        foreach (var word in Days.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParseDay(word, out var day))
            {
                invalid = word;
                break;
            }

            parsed.Add(day);
        }

        days = parsed;
        return invalid is null;
    }

    /// <summary>The business calendar these hours describe in <paramref name="timeZoneId"/> (options already validated).</summary>
    public BusinessCalendar ToCalendar(string timeZoneId)
    {
        if (!TryParseDays(out var days, out var invalid))
        {
            throw new InvalidOperationException($"'{invalid}' is not a day of the week.");
        }

        var schedule = new WeeklySchedule(days.Distinct().Select(d => new WeeklyInterval(d, Start, End)));
        return new BusinessCalendar("meetings", timeZoneId, schedule, Holidays);
    }

    private static bool TryParseDay(string word, out DayOfWeek day)
    {
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString();
            if (name.Equals(word, StringComparison.OrdinalIgnoreCase) || (word.Length == 3 && name.StartsWith(word, StringComparison.OrdinalIgnoreCase)))
            {
                day = candidate;
                return true;
            }
        }

        day = default;
        return false;
    }
}
