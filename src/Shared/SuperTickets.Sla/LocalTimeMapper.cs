namespace SuperTickets.Sla;

/// <summary>Maps local wall-clock times of one time zone to UTC instants, daylight-saving changes included.</summary>
internal static class LocalTimeMapper
{
    private static readonly long Window = TimeSpan.FromHours(15).Ticks;

    /// <summary>
    /// The UTC segments (at most two, ordered, half-open) of all instants whose local wall-clock time lies in
    /// [<paramref name="from"/>, <paramref name="to"/>): a range skipped by a spring change shrinks, a range repeated
    /// by an autumn change is found twice. Assumes at most one offset change within 15 hours of the range.
    /// </summary>
    public static int Preimage(TimeZoneInfo zone, DateTime from, DateTime to, Span<(long Start, long End)> segments)
    {
        var windowStart = from.Ticks - Window;
        var windowEnd = to.Ticks + Window;
        var before = Offset(zone, windowStart);
        var after = Offset(zone, windowEnd);
        if (before == after)
        {
            segments[0] = (from.Ticks - before, to.Ticks - before);
            return 1;
        }

        var change = FirstWithOffset(zone, windowStart, windowEnd, after);
        var count = 0;
        Add(segments, ref count, from.Ticks - before, Math.Min(to.Ticks - before, change));
        Add(segments, ref count, Math.Max(from.Ticks - after, change), to.Ticks - after);
        return count;
    }

    /// <summary>The earliest instant whose local time is at or after <paramref name="local"/> (first occurrence, or the end of a gap).</summary>
    public static long FirstAtOrAfter(TimeZoneInfo zone, DateTime local)
    {
        Span<(long Start, long End)> segments = stackalloc (long, long)[2];
        var count = Preimage(zone, local, local.AddTicks(1), segments);
        if (count > 0)
        {
            return segments[0].Start;
        }

        return FirstWithOffset(zone, local.Ticks - Window, local.Ticks + Window, Offset(zone, local.Ticks + Window));
    }

    private static void Add(Span<(long Start, long End)> segments, ref int count, long start, long end)
    {
        if (end <= start)
        {
            return;
        }

        if (count > 0 && segments[count - 1].End == start)
        {
            segments[count - 1].End = end;
        }
        else
        {
            segments[count++] = (start, end);
        }
    }

    private static long Offset(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    /// <summary>First UTC instant in (low, high] whose offset is <paramref name="offset"/>, given it holds at high and not at low.</summary>
    private static long FirstWithOffset(TimeZoneInfo zone, long low, long high, long offset)
    {
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (Offset(zone, middle) == offset)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }
}
