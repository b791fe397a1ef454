using FsCheck;
using FsCheck.Fluent;
using static SuperTickets.Sla.SlaTicketEvent;

namespace SuperTickets.Sla.Tests;

public sealed class TrackerPropertyTests
{
    private static readonly SlaTracker[] Trackers =
    [
        new(SlaPolicySet.Defaults, BusinessCalendarSet.Empty),
        new(new SlaPolicySet(SlaPolicySet.Defaults.Policies.Select(p => p with { UseBusinessHours = true })), new BusinessCalendarSet([Calendars.Berlin])),
        new(new SlaPolicySet(SlaPolicySet.Defaults.Policies.Select(p => p with { UseBusinessHours = true })), new BusinessCalendarSet([Calendars.NewYork])),
    ];

    private static readonly Gen<(SlaTracker Tracker, DateTimeOffset Created, string Priority, (int Gap, int Length)[] Pauses)> Ticket =
        from tracker in Gen.Elements(Trackers)
        from minute in Gen.Choose(0, 2 * 365 * 24 * 60)
        from priority in Gen.Elements(SlaPriority.Low, SlaPriority.Normal, SlaPriority.High, SlaPriority.Urgent)
        from pauses in Gen.ArrayOf(Gen.Zip(Gen.Choose(1, 3 * 24 * 60), Gen.Choose(1, 3 * 24 * 60)), 4)
        select (tracker, Calendars.Utc(2024, 1, 1, 0).AddMinutes(minute), priority, pauses);

    [Fact]
    public void Pauses_never_bring_a_deadline_forward()
    {
        Run(Prop.ForAll(Ticket.ToArbitrary(), x =>
        {
            var plain = x.Tracker.Replay([Created(x.Created, x.Priority)]);
            var paused = x.Tracker.Replay(WithPauses(x.Created, x.Priority, x.Pauses));
            return paused.FirstResponse.DueAt >= plain.FirstResponse.DueAt
                && paused.Resolution.DueAt >= plain.Resolution.DueAt
                && paused.FirstResponse.WarnAt >= plain.FirstResponse.WarnAt;
        }));
    }

    [Fact]
    public void Deadline_is_where_the_elapsed_business_time_reaches_the_target()
    {
        Run(Prop.ForAll(Ticket.ToArbitrary(), x =>
        {
            var state = x.Tracker.Replay(WithPauses(x.Created, x.Priority, x.Pauses));
            return Holds(x.Tracker, state, SlaTarget.FirstResponse) && Holds(x.Tracker, state, SlaTarget.Resolution);
        }));
    }

    [Fact]
    public void Replaying_a_history_of_distinct_instants_in_any_order_gives_the_same_snapshot()
    {
        Run(Prop.ForAll(Ticket.ToArbitrary(), x =>
        {
            var history = WithPauses(x.Created, x.Priority, x.Pauses);
            return x.Tracker.Replay(history) == x.Tracker.Replay(history.AsEnumerable().Reverse());
        }));
    }

    private static bool Holds(SlaTracker tracker, SlaTicketState state, SlaTarget target)
    {
        var clock = state[target];
        var due = clock.DueAt!.Value;
        var breachedJustAfter = SlaClock.Evaluate(state, due.AddTicks(1))[target].State == SlaState.Breached;
        if (due < clock.RunningSince)
        {
            return breachedJustAfter && clock.Elapsed >= clock.Target;
        }

        return breachedJustAfter
            && SlaClock.Evaluate(state, due)[target].State == SlaState.AtRisk
            && tracker.Elapsed(state, target, due) == clock.Target;
    }

    private static SlaTicketEvent[] WithPauses(DateTimeOffset created, string priority, (int Gap, int Length)[] pauses)
    {
        var events = new List<SlaTicketEvent> { Created(created, priority) };
        var at = created;
        foreach (var (gap, length) in pauses)
        {
            at = at.AddMinutes(gap);
            events.Add(Paused(at));
            at = at.AddMinutes(length);
            events.Add(Resumed(at));
        }

        return events.ToArray();
    }

    private static void Run(Property property) => Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
}
