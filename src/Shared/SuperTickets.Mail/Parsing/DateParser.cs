using System.Globalization;

namespace SuperTickets.Mail.Parsing;

/// <summary>RFC 5322 date parsing including obsolete forms: two-digit years, named zones, missing seconds or weekday.</summary>
internal static class DateParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        int day = -1, month = -1, year = -1, hour = -1, minute = 0, second = 0;
        TimeSpan? offset = null;
        foreach (var range in text.AsSpan().SplitAny(" \t,"))
        {
            var token = text.AsSpan()[range].Trim();
            if (token.IsEmpty || token[0] == '(')
            {
                continue;
            }

            if (token.Contains(':') && hour < 0)
            {
                ParseTime(token, ref hour, ref minute, ref second);
            }
            else if ((token[0] is '+' or '-') && token.Length >= 5 && int.TryParse(token[1..5], NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
            {
                var span = new TimeSpan(hhmm / 100, hhmm % 100, 0);
                offset ??= token[0] == '-' ? -span : span;
            }
            else if (char.IsAsciiDigit(token[0]) && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                if (day < 0 && number is >= 1 and <= 31 && token.Length <= 2 && month < 0)
                {
                    day = number;
                }
                else if (year < 0)
                {
                    year = token.Length <= 2 ? (number < 50 ? 2000 + number : 1900 + number) : token.Length == 3 ? 1900 + number : number;
                }
            }
            else if (char.IsAsciiLetter(token[0]))
            {
                var m = MonthIndex(token);
                if (m > 0 && month < 0)
                {
                    month = m;
                }
                else if (ZoneOffset(token) is { } zone)
                {
                    offset ??= zone;
                }
            }
        }

        if (day < 1 || month < 1 || year is < 1 or > 9999 || hour < 0)
        {
            return Fallback(text);
        }

        try
        {
            day = Math.Min(day, DateTime.DaysInMonth(year, month));
            var local = new DateTime(year, month, day, Math.Min(hour, 23), Math.Min(minute, 59), Math.Min(second, 59), DateTimeKind.Unspecified);
            var zoneOffset = offset ?? TimeSpan.Zero;
            if (zoneOffset.Duration() > TimeSpan.FromHours(14))
            {
                zoneOffset = TimeSpan.Zero;
            }

            return new DateTimeOffset(local, zoneOffset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static void ParseTime(ReadOnlySpan<char> token, ref int hour, ref int minute, ref int second)
    {
        var parts = 0;
        foreach (var r in token.Split(':'))
        {
            if (!int.TryParse(token[r], NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return;
            }

            switch (parts++)
            {
                case 0: hour = v; break;
                case 1: minute = v; break;
                case 2: second = v; break;
            }
        }
    }

    private static int MonthIndex(ReadOnlySpan<char> token)
    {
        if (token.Length < 3)
        {
            return -1;
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (token[..3].Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static TimeSpan? ZoneOffset(ReadOnlySpan<char> zone) => zone.ToString().ToUpperInvariant() switch
    {
        "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
        "EDT" => TimeSpan.FromHours(-4),
        "EST" or "CDT" => TimeSpan.FromHours(-5),
        "CST" or "MDT" => TimeSpan.FromHours(-6),
        "MST" or "PDT" => TimeSpan.FromHours(-7),
        "PST" => TimeSpan.FromHours(-8),
        "CET" => TimeSpan.FromHours(1),
        "CEST" => TimeSpan.FromHours(2),
        "JST" => TimeSpan.FromHours(9),
        _ => null,
    };

    private static DateTimeOffset? Fallback(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
