namespace SuperTickets.Data.Sqlite;

/// <summary>
/// An instant as the SQLite provider stores a DateTimeOffset, "yyyy-MM-dd HH:mm:ss.FFFFFFF+00:00" in UTC (seven
/// fraction digits with trailing zeros dropped, no point for a whole second), written digit by digit. Bound as this
/// string, it stores the same text the provider would, without its general-purpose custom-format parser, which took
/// about a quarter of the time spent binding values in the embedded pipeline's profile.
/// </summary>
internal static class SqliteInstant
{
    /// <summary>The longest form: 19 characters of date and time, a point and seven digits, then "+00:00".</summary>
    private const int MaxLength = 33;

    public static string Format(DateTimeOffset instant)
    {
        Span<char> text = stackalloc char[MaxLength];
        return new string(text[..Write(instant.UtcDateTime, text)]);
    }

    private static int Write(DateTime utc, Span<char> destination)
    {
        var n = 0;
        Digits(destination, ref n, utc.Year, 4);
        destination[n++] = '-';
        Digits(destination, ref n, utc.Month, 2);
        destination[n++] = '-';
        Digits(destination, ref n, utc.Day, 2);
        destination[n++] = ' ';
        Digits(destination, ref n, utc.Hour, 2);
        destination[n++] = ':';
        Digits(destination, ref n, utc.Minute, 2);
        destination[n++] = ':';
        Digits(destination, ref n, utc.Second, 2);
        var fraction = (int)(utc.Ticks % TimeSpan.TicksPerSecond);
        if (fraction != 0)
        {
            var digits = 7;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
            destination[n++] = '.';
            Digits(destination, ref n, fraction, digits);
        }
        "+00:00".CopyTo(destination[n..]);
        return n + 6;
    }

    private static void Digits(Span<char> destination, ref int n, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            destination[n + i] = (char)('0' + value % 10);
            value /= 10;
        }
        n += width;
    }
}
