using static SuperTickets.Sla.SlaTicketEvent;

namespace SuperTickets.Sla.Tests;

public sealed class SlaEscalationTests
{
    private static readonly DateTimeOffset T = Calendars.Utc(2025, 6, 2, 9);

    private static readonly SlaTracker Tracker = new(SlaPolicySet.Defaults, BusinessCalendarSet.Empty);

    [Fact]
    public void Each_threshold_fires_once_as_the_clock_advances()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal)]);
        var fired = SlaThreshold.None;
        var firings = new List<SlaThreshold>();
        foreach (var hours in new[] { 1, 7, 7.5, 9, 10, 40, 49, 60 })
        {
            var crossed = SlaEscalation.NewlyCrossed(SlaClock.Evaluate(state, T.AddHours(hours)), fired);
            fired |= crossed;
            firings.Add(crossed);
        }

        Assert.Equal(
            [
                SlaThreshold.None, SlaThreshold.FirstResponseAtRisk, SlaThreshold.None, SlaThreshold.FirstResponseBreached,
                SlaThreshold.None, SlaThreshold.ResolutionAtRisk, SlaThreshold.ResolutionBreached, SlaThreshold.None,
            ],
            firings);
    }

    [Fact]
    public void Breach_seen_first_fires_alone_and_suppresses_the_late_warning()
    {
        var breached = Tracker.Evaluate([Created(T, SlaPriority.Normal)], T.AddHours(9));
        var lowered = Tracker.Evaluate([Created(T, SlaPriority.Normal), PriorityChanged(T.AddHours(9), SlaPriority.Low)], T.AddHours(20));

        Assert.Equal(SlaThreshold.FirstResponseBreached, SlaEscalation.NewlyCrossed(breached, SlaThreshold.None));
        Assert.Equal(SlaState.AtRisk, lowered.FirstResponse.State);
        Assert.Equal(SlaThreshold.None, SlaEscalation.NewlyCrossed(lowered, SlaThreshold.FirstResponseBreached));
    }

    [Fact]
    public void Disabled_policy_stops_escalating()
    {
        var disabled = new SlaPolicySet([SlaPolicySet.Defaults.Find("default-normal")! with { Id = "off", Enabled = false }]);
        var tracker = new SlaTracker(disabled, BusinessCalendarSet.Empty);

        var evaluation = tracker.Evaluate([Created(T, SlaPriority.Normal, "off")], T.AddDays(5));

        Assert.Equal(SlaState.Breached, evaluation.Resolution.State);
        Assert.False(evaluation.PolicyEnabled);
        Assert.Equal(SlaThreshold.None, SlaEscalation.NewlyCrossed(evaluation, SlaThreshold.None));
    }

    [Fact]
    public void Met_targets_do_not_escalate()
    {
        var evaluation = Tracker.Evaluate([Created(T, SlaPriority.Normal), FirstResponded(T.AddHours(1)), Solved(T.AddHours(2))], T.AddDays(5));

        Assert.Equal(SlaThreshold.None, SlaEscalation.Crossed(evaluation));
    }
}
