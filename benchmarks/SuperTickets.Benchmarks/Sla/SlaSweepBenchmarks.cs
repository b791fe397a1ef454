using BenchmarkDotNet.Attributes;
using SuperTickets.Sla;

namespace SuperTickets.Benchmarks.Sla;

/// <summary>One SLA sweep over 100,000 open tickets from precomputed snapshots, and the replay that produces one.</summary>
[MemoryDiagnoser]
public class SlaSweepBenchmarks
{
    private const int Tickets = 100_000;
    private static readonly DateTimeOffset Origin = new(2025, 3, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Priorities = [SlaPriority.Low, SlaPriority.Normal, SlaPriority.High, SlaPriority.Urgent];

    private SlaTicketState[] _states = [];
    private SlaThreshold[] _fired = [];
    private SlaTracker _tracker = null!;
    private SlaTicketEvent[] _history = [];
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        var berlin = new BusinessCalendar("berlin", "Europe/Berlin", WeeklySchedule.Weekdays(TimeSpan.FromHours(9), TimeSpan.FromHours(17)));
        var policies = new SlaPolicySet(SlaPolicySet.Defaults.Policies.Concat(SlaPolicySet.Defaults.Policies.Select(p =>
            p with { Id = p.Id + "-gold", CustomerTier = "gold", UseBusinessHours = true })));
        _tracker = new SlaTracker(policies, new BusinessCalendarSet([berlin]));
        var random = new Random(20250303);
        _states = new SlaTicketState[Tickets];
        _fired = new SlaThreshold[Tickets];
        for (var i = 0; i < Tickets; i++)
        {
            var history = History(random);
            _states[i] = _tracker.Replay(history, customerTier: random.Next(3) == 0 ? "gold" : null);
        }

        _history = History(new Random(7));
        _now = Origin.AddDays(30);
    }

    [Benchmark(Description = "Sla sweep: evaluate + escalate 100,000 open tickets")]
    public int Sweep()
    {
        var escalations = 0;
        for (var i = 0; i < _states.Length; i++)
        {
            var evaluation = SlaClock.Evaluate(_states[i], _now);
            var crossed = SlaEscalation.NewlyCrossed(evaluation, _fired[i]);
            escalations += crossed == SlaThreshold.None ? 0 : 1;
        }

        return escalations;
    }

    [Benchmark(Description = "Sla replay: one ticket history (6 events)")]
    public SlaTicketState Replay() => _tracker.Replay(_history, customerTier: "gold");

    private static SlaTicketEvent[] History(Random random)
    {
        var created = Origin.AddMinutes(random.Next(30 * 24 * 60));
        var events = new List<SlaTicketEvent> { SlaTicketEvent.Created(created, Priorities[random.Next(Priorities.Length)]) };
        if (random.Next(2) == 0)
        {
            events.Add(SlaTicketEvent.FirstResponded(created.AddMinutes(random.Next(24 * 60))));
        }

        if (random.Next(3) == 0)
        {
            var paused = created.AddMinutes(random.Next(48 * 60));
            events.Add(SlaTicketEvent.Paused(paused));
            if (random.Next(2) == 0)
            {
                events.Add(SlaTicketEvent.Resumed(paused.AddMinutes(random.Next(72 * 60))));
            }
        }

        if (random.Next(5) == 0)
        {
            events.Add(SlaTicketEvent.PriorityChanged(created.AddMinutes(random.Next(12 * 60)), Priorities[random.Next(Priorities.Length)]));
        }

        return events.ToArray();
    }
}
