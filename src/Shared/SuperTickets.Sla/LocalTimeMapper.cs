namespace SuperTickets.Sla;

/// <summary>
/// Maps local wall-clock times of one time zone to UTC ticks, total and monotonic:
/// a time skipped by a daylight-saving gap maps to the instant the gap ends (the skipped hour does not exist),
/// an ambiguous time (repeated hour) maps to its first occurrence.
/// </summary>
internal static class LocalTimeMapper
{
    private static readonly TimeSpan GapProbeStep = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LongestGap = TimeSpan.FromDays(2);

    public static long ToUtcTicks(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gapEnd = FirstValidAfter(zone, local);
            return gapEnd.Ticks - zone.GetUtcOffset(gapEnd).Ticks;
        }

        if (zone.IsAmbiguousTime(local))
        {
            var largest = zone.GetAmbiguousTimeOffsets(local).Max();
            return local.Ticks - largest.Ticks;
        }

        return local.Ticks - zone.GetUtcOffset(local).Ticks;
    }

    private static DateTime FirstValidAfter(TimeZoneInfo zone, DateTime invalid)
    {
        var valid = invalid;
        var limit = invalid + LongestGap;
        do
        {
            valid += GapProbeStep;
            if (valid > limit)
            {
                throw new InvalidOperationException($"Time zone {zone.Id} skips more than {LongestGap} at {invalid:s}.");
            }
        }
        while (zone.IsInvalidTime(valid));

        long low = invalid.Ticks, high = valid.Ticks;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (zone.IsInvalidTime(new DateTime(middle, DateTimeKind.Unspecified)))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new DateTime(high, DateTimeKind.Unspecified);
    }
}
