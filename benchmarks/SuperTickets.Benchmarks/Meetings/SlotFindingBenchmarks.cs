using BenchmarkDotNet.Attributes;
using SuperTickets.Pipeline.Resolve.Meetings;
using SuperTickets.Sla;

namespace SuperTickets.Benchmarks.Meetings;

/// <summary>
/// Choosing a meeting slot from a week of free/busy data (Europe/Berlin, Mon-Fri 09:00-17:00, 30-minute calls on a
/// 15-minute grid), as the resolve stage does once per meeting request after the calendar has answered.
/// </summary>
[MemoryDiagnoser]
public class SlotFindingBenchmarks
{
    private static readonly TimeSpan Length = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    private static readonly DateTimeOffset Earliest = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    private BusinessCalendar _calendar = null!;
    private DateTimeOffset _horizon;
    private BusyInterval[] _typicalWeek = [];
    private BusyInterval[] _bookedWeek = [];

    [GlobalSetup]
    public void Setup()
    {
        _calendar = new MeetingHoursOptions().ToCalendar("Europe/Berlin");
        _horizon = FreeSlotSearch.Horizon(_calendar, Earliest, 5);
        var random = new Random(7);
        var typical = new List<BusyInterval>();
        var booked = new List<BusyInterval>();
        for (var day = 0; day < 5; day++)
        {
            var opening = Earliest.AddDays(day).AddHours(1);
            for (var block = 0; block < 8; block++)
            {
                var start = opening.AddMinutes(15 * random.Next(0, 32));
                typical.Add(new BusyInterval(start, start.AddMinutes(15 * random.Next(1, 7))));
            }

            for (var quarter = 0; quarter < 32; quarter += 2)
            {
                booked.Add(new BusyInterval(opening.AddMinutes(15 * quarter), opening.AddMinutes(15 * (quarter + 1) + 5)));
            }
        }

        _typicalWeek = typical.ToArray();
        _bookedWeek = booked.ToArray();
    }

    [Benchmark(Description = "Meetings: first free slot, week with 40 random busy blocks")]
    public DateTimeOffset? TypicalWeek() => FreeSlotSearch.FirstFree(_calendar, Earliest, _horizon, Length, Step, _typicalWeek);

    [Benchmark(Description = "Meetings: no free slot, week booked but for 10-minute gaps (80 blocks, full scan)")]
    public DateTimeOffset? BookedWeek() => FreeSlotSearch.FirstFree(_calendar, Earliest, _horizon, Length, Step, _bookedWeek);

    [Benchmark(Description = "Meetings: search window (5 business days) from a time")]
    public DateTimeOffset Horizon() => FreeSlotSearch.Horizon(_calendar, Earliest, 5);
}
