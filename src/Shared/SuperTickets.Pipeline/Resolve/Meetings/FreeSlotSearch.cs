using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>
/// Finds the first free meeting slot in business hours. Candidate starts lie on a grid of <c>step</c> in the calendar's
/// local wall-clock time (09:00, 09:30, ...) or at an opening time; a slot must lie wholly in open time (so it never
/// runs past closing, into a holiday or across a lunch break) and overlap no busy interval. Daylight-saving changes are
/// honoured through <see cref="BusinessCalendar"/>. Results are UTC.
/// </summary>
public static class FreeSlotSearch
{
    private const int MaxDaysScanned = 3660;

    /// <summary>
    /// The end of the search window: local midnight after the <paramref name="businessDays"/>-th local date with opening
    /// hours, counting from the date of the first open instant at or after <paramref name="earliest"/>.
    /// </summary>
    public static DateTimeOffset Horizon(BusinessCalendar calendar, DateTimeOffset earliest, int businessDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(businessDays, 1);
        var zone = calendar.TimeZone;
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(calendar.NextOpen(earliest), zone).DateTime);
        var counted = 0;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++, date = date.AddDays(1))
        {
            if (calendar.Schedule.IntervalsOn(date.DayOfWeek).Count > 0 && !calendar.Holidays.Contains(date) && ++counted == businessDays)
            {
                return LocalMidnight(zone, date.AddDays(1));
            }
        }

        throw new InvalidOperationException($"Calendar '{calendar.Id}' has fewer than {businessDays} business days in {MaxDaysScanned} days.");
    }

    /// <summary>
    /// The earliest start at or after <paramref name="earliest"/> of a slot of <paramref name="length"/> that is wholly
    /// open, overlaps none of <paramref name="busy"/> (in any order, overlaps allowed) and ends by
    /// <paramref name="horizon"/>; null when there is none.
    /// </summary>
    public static DateTimeOffset? FirstFree(
        BusinessCalendar calendar, DateTimeOffset earliest, DateTimeOffset horizon, TimeSpan length, TimeSpan step, IReadOnlyList<BusyInterval> busy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(busy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(length, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        var blocks = Sorted(busy);
        var next = 0;
        var start = earliest.ToUniversalTime();
        while (true)
        {
            start = AlignUp(calendar.TimeZone, calendar.NextOpen(start), step);
            var end = start + length;
            if (end > horizon)
            {
                return null;
            }

            while (next < blocks.Length && blocks[next].End <= start)
            {
                next++;
            }

            if (next < blocks.Length && blocks[next].Start < end)
            {
                start = blocks[next].End;
            }
            else if (calendar.BusinessTimeBetween(start, end) == length)
            {
                return start;
            }
            else
            {
                start += step;
            }
        }
    }

    /// <summary>Busy intervals in UTC ordered by start, empty ones dropped, overlapping and touching ones merged.</summary>
    private static BusyInterval[] Sorted(IReadOnlyList<BusyInterval> busy)
    {
        var sorted = new List<BusyInterval>(busy.Count);
        foreach (var interval in busy)
        {
            if (interval.End > interval.Start)
            {
                sorted.Add(new BusyInterval(interval.Start.ToUniversalTime(), interval.End.ToUniversalTime()));
            }
        }

        sorted.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<BusyInterval>(sorted.Count);
        foreach (var interval in sorted)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = interval.End > merged[^1].End ? interval.End : merged[^1].End };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged.ToArray();
    }

    /// <summary>The first instant at or after <paramref name="instant"/> whose local wall-clock time is a multiple of <paramref name="step"/>.</summary>
    private static DateTimeOffset AlignUp(TimeZoneInfo zone, DateTimeOffset instant, TimeSpan step)
    {
        var local = instant.UtcTicks + zone.GetUtcOffset(instant).Ticks;
        var remainder = local % step.Ticks;
        return remainder == 0 ? instant : instant.AddTicks(step.Ticks - remainder);
    }

    private static DateTimeOffset LocalMidnight(TimeZoneInfo zone, DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
