namespace SuperTickets.Sla;

/// <summary>
/// The open time of one local calendar year as ordered, disjoint UTC segments [start, end) with
/// running totals, so positions and offsets in business time are binary searches.
/// </summary>
internal sealed class CalendarYear
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _before;

    private CalendarYear(int year, long startUtc, long endUtc, List<long> starts, List<long> ends)
    {
        Year = year;
        StartUtc = startUtc;
        EndUtc = endUtc;
        _starts = starts.ToArray();
        _ends = ends.ToArray();
        _before = new long[_starts.Length + 1];
        for (var i = 0; i < _starts.Length; i++)
        {
            _before[i + 1] = _before[i] + (_ends[i] - _starts[i]);
        }
    }

    public int Year { get; }

    /// <summary>UTC ticks of local midnight on 1 January.</summary>
    public long StartUtc { get; }

    /// <summary>UTC ticks of local midnight on 1 January of the next year.</summary>
    public long EndUtc { get; }

    /// <summary>Business ticks in the whole year.</summary>
    public long Total => _before[^1];

    public static CalendarYear Build(int year, TimeZoneInfo zone, WeeklySchedule schedule, IReadOnlySet<DateOnly> holidays)
    {
        var first = new DateOnly(year, 1, 1);
        var next = first.AddYears(1);
        var startUtc = LocalTimeMapper.FirstAtOrAfter(zone, first.ToDateTime(TimeOnly.MinValue));
        var endUtc = LocalTimeMapper.FirstAtOrAfter(zone, next.ToDateTime(TimeOnly.MinValue));
        var found = new List<(long Start, long End)>(400);
        Span<(long Start, long End)> pieces = stackalloc (long, long)[2];
        for (var date = first; date < next; date = date.AddDays(1))
        {
            if (holidays.Contains(date))
            {
                continue;
            }

            var midnight = date.ToDateTime(TimeOnly.MinValue);
            foreach (var interval in schedule.IntervalsOn(date.DayOfWeek))
            {
                var count = LocalTimeMapper.Preimage(zone, midnight + interval.Start, midnight + interval.End, pieces);
                for (var i = 0; i < count; i++)
                {
                    found.Add(pieces[i]);
                }
            }
        }

        found.Sort();
        var starts = new List<long>(found.Count);
        var ends = new List<long>(found.Count);
        foreach (var (foundStart, foundEnd) in found)
        {
            var start = Math.Max(foundStart, startUtc);
            var end = Math.Min(foundEnd, endUtc);
            if (end <= start)
            {
                continue;
            }

            if (ends.Count > 0 && ends[^1] >= start)
            {
                ends[^1] = Math.Max(ends[^1], end);
            }
            else
            {
                starts.Add(start);
                ends.Add(end);
            }
        }

        return new CalendarYear(year, startUtc, endUtc, starts, ends);
    }

    /// <summary>Index of the first segment ending after <paramref name="utc"/>, or the segment count.</summary>
    public int SegmentAfter(long utc)
    {
        int low = 0, high = _ends.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_ends[middle] > utc)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }

    public bool Contains(long utc)
    {
        var i = SegmentAfter(utc);
        return i < _starts.Length && _starts[i] <= utc;
    }

    /// <summary>Earliest open instant at or after <paramref name="utc"/> within this year, if any.</summary>
    public long? NextOpen(long utc)
    {
        var i = SegmentAfter(utc);
        return i < _starts.Length ? Math.Max(utc, _starts[i]) : null;
    }

    /// <summary>Business ticks from the start of the year to <paramref name="utc"/>.</summary>
    public long Position(long utc)
    {
        var i = SegmentAfter(utc);
        return i == _starts.Length ? Total : _before[i] + Math.Max(0, utc - _starts[i]);
    }

    /// <summary>Earliest instant whose position is <paramref name="position"/> (0 &lt; position &lt;= Total).</summary>
    public long Locate(long position)
    {
        int low = 1, high = _before.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_before[middle] >= position)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        var segment = low - 1;
        return _starts[segment] + (position - _before[segment]);
    }
}
