using BenchmarkDotNet.Attributes;
using SuperTickets.Sla;

namespace SuperTickets.Benchmarks.Sla;

/// <summary>Business-time arithmetic on a Mon-Fri 09:00-17:00 Europe/Berlin calendar with holidays.</summary>
[MemoryDiagnoser]
public class BusinessCalendarBenchmarks
{
    private const int Starts = 1024;
    private static readonly TimeSpan SevenDays = TimeSpan.FromDays(7);
    private static readonly WeeklySchedule OfficeHours = WeeklySchedule.Weekdays(TimeSpan.FromHours(9), TimeSpan.FromHours(17));
    private static readonly DateOnly[] Holidays = [new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 1), new(2025, 12, 25), new(2025, 12, 26)];

    private readonly DateTimeOffset[] _starts = new DateTimeOffset[Starts];
    private BusinessCalendar _calendar = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = new BusinessCalendar("berlin", "Europe/Berlin", OfficeHours, Holidays);
        var random = new Random(42);
        var origin = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Starts; i++)
        {
            _starts[i] = origin.AddMinutes(random.Next(365 * 24 * 60));
        }
    }

    [Benchmark(OperationsPerInvoke = Starts, Description = "Sla calendar: AddBusinessTime 7 days (168 business hours)")]
    public long AddSevenBusinessDays()
    {
        long sum = 0;
        foreach (var start in _starts)
        {
            sum += _calendar.AddBusinessTime(start, SevenDays).UtcTicks;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Starts, Description = "Sla calendar: BusinessTimeBetween over 30 days")]
    public long BetweenThirtyDays()
    {
        long sum = 0;
        foreach (var start in _starts)
        {
            sum += _calendar.BusinessTimeBetween(start, start.AddDays(30)).Ticks;
        }

        return sum;
    }

    [Benchmark(Description = "Sla calendar: AddBusinessTime 7 days on a fresh calendar (builds year tables)")]
    public DateTimeOffset AddSevenBusinessDaysCold() =>
        new BusinessCalendar("cold", "Europe/Berlin", OfficeHours, Holidays).AddBusinessTime(_starts[0], SevenDays);
}
