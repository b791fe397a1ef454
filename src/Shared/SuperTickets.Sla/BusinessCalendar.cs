using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace SuperTickets.Sla;

/// <summary>
/// Business hours in one time zone: a weekly schedule in local wall-clock time minus full-day holidays.
/// An instant is open when its local wall-clock time lies in one of its local date's intervals and that date is
/// not a holiday. So daylight saving is honoured exactly: hours skipped by a spring change do not exist, hours
/// repeated by an autumn change count twice, and a day without a change has its nominal hours. Results are UTC.
/// Thread-safe; each local year is tabulated once on first use, so lookups are binary searches.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>Identifier of <see cref="AlwaysOpen"/>.</summary>
    public const string AlwaysOpenId = "always-open";

    private const int FirstYear = 2;
    private const int LastYear = 9998;
    private const int MaxYearsWithoutOpenTime = 100;
    private static readonly long MaxTicksPerYear = TimeSpan.FromDays(367).Ticks;

    private readonly ConcurrentDictionary<int, CalendarYear> _years = new();
    private readonly bool _neverClosed;

    /// <summary>Creates a calendar from an IANA (or Windows) time zone id.</summary>
    /// <exception cref="TimeZoneNotFoundException">The time zone id is unknown.</exception>
    public BusinessCalendar(string id, string timeZoneId, WeeklySchedule schedule, IEnumerable<DateOnly>? holidays = null)
        : this(id, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), schedule, holidays)
    {
    }

    /// <summary>Creates a calendar; the schedule must have some open time.</summary>
    public BusinessCalendar(string id, TimeZoneInfo timeZone, WeeklySchedule schedule, IEnumerable<DateOnly>? holidays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.WeeklyTotal == TimeSpan.Zero)
        {
            throw new ArgumentException($"Calendar '{id}' has no open hours in its weekly schedule.", nameof(schedule));
        }

        Id = id;
        TimeZone = timeZone;
        Schedule = schedule;
        Holidays = (holidays ?? []).ToFrozenSet();
        _neverClosed = schedule.IsAllDay && Holidays.Count == 0;
    }

    /// <summary>Open around the clock every day: business time equals elapsed time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(AlwaysOpenId, TimeZoneInfo.Utc, WeeklySchedule.AllDay);

    public string Id { get; }

    public TimeZoneInfo TimeZone { get; }

    public WeeklySchedule Schedule { get; }

    /// <summary>Local dates on which the calendar is closed all day.</summary>
    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>True when <paramref name="instant"/> lies in open time (interval start inclusive, end exclusive).</summary>
    public bool IsOpen(DateTimeOffset instant) => _neverClosed || YearOf(instant.UtcTicks).Contains(instant.UtcTicks);

    /// <summary><paramref name="instant"/> itself when open, otherwise the start of the next open interval.</summary>
    public DateTimeOffset NextOpen(DateTimeOffset instant)
    {
        if (_neverClosed)
        {
            return instant.ToUniversalTime();
        }

        var utc = instant.UtcTicks;
        var year = YearOf(utc);
        for (var emptyYears = 0; emptyYears <= MaxYearsWithoutOpenTime; emptyYears++)
        {
            if (year.NextOpen(utc) is { } open)
            {
                return Utc(open);
            }

            year = Year(year.Year + 1);
            utc = year.StartUtc;
        }

        throw NoOpenTime();
    }

    /// <summary>
    /// The earliest instant by which <paramref name="duration"/> of business time has passed since
    /// <paramref name="start"/>. The result lies in open time or exactly at the end of an open interval;
    /// a zero duration returns <paramref name="start"/>.
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (_neverClosed || duration == TimeSpan.Zero)
        {
            return Utc(start.UtcTicks + duration.Ticks);
        }

        var year = YearOf(start.UtcTicks);
        if (duration.Ticks / MaxTicksPerYear > LastYear - year.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"Calendar '{Id}' supports years {FirstYear}-{LastYear}.");
        }

        var position = year.Position(start.UtcTicks) + duration.Ticks;
        var emptyYears = 0;
        while (position > year.Total)
        {
            position -= year.Total;
            emptyYears = year.Total == 0 ? emptyYears + 1 : 0;
            if (emptyYears > MaxYearsWithoutOpenTime)
            {
                throw NoOpenTime();
            }

            year = Year(year.Year + 1);
        }

        return Utc(year.Locate(position));
    }

    /// <summary>Business time from <paramref name="from"/> to <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        long a = from.UtcTicks, b = to.UtcTicks;
        if (_neverClosed || a == b)
        {
            return TimeSpan.FromTicks(b - a);
        }

        return a < b ? TimeSpan.FromTicks(Between(a, b)) : TimeSpan.FromTicks(-Between(b, a));
    }

    public override string ToString() => $"{Id} ({TimeZone.Id})";

    private long Between(long from, long to)
    {
        var first = YearOf(from);
        var last = YearOf(to);
        if (first.Year == last.Year)
        {
            return last.Position(to) - first.Position(from);
        }

        var ticks = first.Total - first.Position(from);
        for (var year = first.Year + 1; year < last.Year; year++)
        {
            ticks += Year(year).Total;
        }

        return ticks + last.Position(to);
    }

    private CalendarYear YearOf(long utcTicks)
    {
        var guess = Year(new DateTime(utcTicks, DateTimeKind.Utc).Year);
        if (utcTicks < guess.StartUtc)
        {
            return Year(guess.Year - 1);
        }

        return utcTicks >= guess.EndUtc ? Year(guess.Year + 1) : guess;
    }

    private CalendarYear Year(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Calendar '{Id}' supports years {FirstYear}-{LastYear}.");
        }

        return _years.GetOrAdd(year, static (y, calendar) =>
            CalendarYear.Build(y, calendar.TimeZone, calendar.Schedule, calendar.Holidays), this);
    }

    private InvalidOperationException NoOpenTime() =>
        new($"Calendar '{Id}' has no open time within {MaxYearsWithoutOpenTime} years.");

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
