namespace SuperTickets.Sla;

/// <summary>
/// Opening hours for each day of the week: zero or more same-day intervals per day (split shifts allowed).
/// Overlapping or touching intervals on the same day are merged.
/// </summary>
public sealed class WeeklySchedule
{
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private readonly WeeklyInterval[][] _byDay = new WeeklyInterval[7][];

    /// <summary>Creates a schedule; every interval must satisfy 00:00 &lt;= Start &lt; End &lt;= 24:00.</summary>
    public WeeklySchedule(IEnumerable<WeeklyInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var lists = Enumerable.Range(0, 7).Select(_ => new List<WeeklyInterval>()).ToArray();
        foreach (var interval in intervals)
        {
            if (!Enum.IsDefined(interval.Day))
            {
                throw new ArgumentException($"Unknown day of week {(int)interval.Day}.", nameof(intervals));
            }

            if (interval.Start < TimeSpan.Zero || interval.End > OneDay || interval.Start >= interval.End)
            {
                throw new ArgumentException(
                    $"Interval {interval.Day} {interval.Start}-{interval.End} must satisfy 00:00 <= start < end <= 24:00.",
                    nameof(intervals));
            }

            lists[(int)interval.Day].Add(interval);
        }

        for (var day = 0; day < 7; day++)
        {
            _byDay[day] = Merge(lists[day]);
        }

        WeeklyTotal = TimeSpan.FromTicks(_byDay.Sum(day => day.Sum(i => i.Length.Ticks)));
    }

    /// <summary>Every day of the week, 00:00-24:00.</summary>
    public static WeeklySchedule AllDay { get; } =
        new(Enum.GetValues<DayOfWeek>().Select(d => new WeeklyInterval(d, TimeSpan.Zero, OneDay)));

    /// <summary>Nominal open time per week (wall-clock, ignoring daylight-saving changes and holidays).</summary>
    public TimeSpan WeeklyTotal { get; }

    /// <summary>True when the schedule is open around the clock every day.</summary>
    public bool IsAllDay => WeeklyTotal == TimeSpan.FromDays(7);

    /// <summary>Monday to Friday, each day from <paramref name="open"/> to <paramref name="close"/>.</summary>
    public static WeeklySchedule Weekdays(TimeSpan open, TimeSpan close) =>
        new(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WeeklyInterval(d, open, close)));

    /// <summary>The merged, ordered intervals of one day.</summary>
    public IReadOnlyList<WeeklyInterval> IntervalsOn(DayOfWeek day) => _byDay[(int)day];

    private static WeeklyInterval[] Merge(List<WeeklyInterval> intervals)
    {
        intervals.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<WeeklyInterval>(intervals.Count);
        foreach (var interval in intervals)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = last with { End = interval.End > last.End ? interval.End : last.End };
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged.ToArray();
    }
}
