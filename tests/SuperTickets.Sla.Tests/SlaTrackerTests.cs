using static SuperTickets.Sla.SlaTicketEvent;

namespace SuperTickets.Sla.Tests;

public sealed class SlaTrackerTests
{
    private static readonly DateTimeOffset T = Calendars.Utc(2025, 6, 2, 9);

    private static readonly SlaTracker Tracker = new(SlaPolicySet.Defaults, BusinessCalendarSet.Empty);

    [Fact]
    public void New_ticket_gets_deadlines_from_its_priority_policy()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal)]);
        var now = SlaClock.Evaluate(state, T.AddHours(1));

        Assert.Equal("default-normal", state.PolicyId);
        Assert.Equal(T.AddHours(8), state.FirstResponse.DueAt);
        Assert.Equal(T.AddHours(6.4), state.FirstResponse.WarnAt);
        Assert.Equal(T.AddHours(48), state.Resolution.DueAt);
        Assert.Equal(SlaState.Ok, now.FirstResponse.State);
        Assert.Equal(SlaState.Ok, now.Resolution.State);
    }

    [Fact]
    public void Target_is_at_risk_from_the_warning_fraction_and_breached_only_after_the_deadline()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal)]);

        Assert.Equal(SlaState.Ok, SlaClock.Evaluate(state, T.AddHours(6.39)).FirstResponse.State);
        Assert.Equal(SlaState.AtRisk, SlaClock.Evaluate(state, T.AddHours(6.4)).FirstResponse.State);
        Assert.Equal(SlaState.AtRisk, SlaClock.Evaluate(state, T.AddHours(8)).FirstResponse.State);
        Assert.Equal(SlaState.Breached, SlaClock.Evaluate(state, T.AddHours(8).AddSeconds(1)).FirstResponse.State);
    }

    [Fact]
    public void Timely_first_response_is_met_for_good_while_resolution_keeps_running()
    {
        var evaluation = Tracker.Evaluate([Created(T, SlaPriority.Normal), FirstResponded(T.AddHours(1))], T.AddHours(100));

        Assert.Equal(SlaState.Met, evaluation.FirstResponse.State);
        Assert.Equal(T.AddHours(1), evaluation.FirstResponse.MetAt);
        Assert.Equal(SlaState.Breached, evaluation.Resolution.State);
    }

    [Fact]
    public void Late_first_response_stays_breached()
    {
        var evaluation = Tracker.Evaluate([Created(T, SlaPriority.Normal), FirstResponded(T.AddHours(9))], T.AddHours(10));

        Assert.Equal(SlaState.Breached, evaluation.FirstResponse.State);
    }

    [Fact]
    public void Business_hours_policy_counts_only_open_time()
    {
        var policies = new SlaPolicySet([Policy("bh") with { UseBusinessHours = true, CalendarId = "berlin" }]);
        var tracker = new SlaTracker(policies, new BusinessCalendarSet([Calendars.Berlin]));
        var fridayAfternoon = Calendars.Local(Calendars.Berlin, 2025, 6, 6, 16);

        var state = tracker.Replay([Created(fridayAfternoon, SlaPriority.High)]);

        Assert.Equal("berlin", state.CalendarId);
        Assert.Equal(Calendars.Local(Calendars.Berlin, 2025, 6, 9, 10), state.FirstResponse.DueAt);
        Assert.Equal(TimeSpan.FromHours(1), tracker.Elapsed(state, SlaTarget.FirstResponse, Calendars.Local(Calendars.Berlin, 2025, 6, 8, 12)));
    }

    [Fact]
    public void Waiting_on_the_customer_extends_deadlines_by_the_paused_time()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal), Paused(T.AddHours(2)), Resumed(T.AddHours(5))]);
        var evaluation = SlaClock.Evaluate(state, T.AddHours(6));

        Assert.Equal(T.AddHours(11), state.FirstResponse.DueAt);
        Assert.Equal(T.AddHours(51), state.Resolution.DueAt);
        Assert.Equal(TimeSpan.FromHours(3), evaluation.PausedTime);
        Assert.Equal(TimeSpan.FromHours(4), Tracker.Elapsed(state, SlaTarget.FirstResponse, T.AddHours(7)));
    }

    [Fact]
    public void Paused_ticket_is_judged_as_it_stood_when_the_pause_began()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal), Paused(T.AddHours(7))]);
        var evaluation = SlaClock.Evaluate(state, T.AddHours(100));

        Assert.True(evaluation.IsPaused);
        Assert.Equal(TimeSpan.FromHours(93), evaluation.PausedTime);
        Assert.Equal(SlaState.AtRisk, evaluation.FirstResponse.State);
        Assert.Null(evaluation.FirstResponse.DueAt);
        Assert.Equal(T.AddHours(6.4), evaluation.FirstResponse.WarnAt);
        Assert.Equal(SlaState.Ok, evaluation.Resolution.State);
    }

    [Fact]
    public void Target_breached_before_a_pause_stays_breached_with_its_original_deadline()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal), Paused(T.AddHours(9)), Resumed(T.AddHours(20))]);

        Assert.Equal(T.AddHours(8), state.FirstResponse.DueAt);
        Assert.Equal(SlaState.Breached, SlaClock.Evaluate(state, T.AddHours(9.5)).FirstResponse.State);
        Assert.Equal(SlaState.Breached, SlaClock.Evaluate(state, T.AddHours(20)).FirstResponse.State);
    }

    [Fact]
    public void Pause_outside_business_hours_does_not_move_the_deadline()
    {
        var policies = new SlaPolicySet([Policy("bh") with { UseBusinessHours = true }]);
        var tracker = new SlaTracker(policies, new BusinessCalendarSet([Calendars.Berlin]));
        var friday = Calendars.Local(Calendars.Berlin, 2025, 6, 6, 16);

        var state = tracker.Replay([Created(friday, SlaPriority.High), Paused(friday.AddHours(2)), Resumed(friday.AddDays(2))]);

        Assert.Equal(Calendars.Local(Calendars.Berlin, 2025, 6, 9, 10), state.FirstResponse.DueAt);
    }

    [Theory]
    [InlineData(SlaPriority.Urgent, 0.5, SlaState.Breached)]
    [InlineData(SlaPriority.Low, 24, SlaState.Ok)]
    public void Priority_change_recomputes_deadlines_from_creation(string priority, double dueHours, SlaState stateAfterOneHour)
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal), PriorityChanged(T.AddHours(1), priority)]);

        Assert.Equal("default-" + priority, state.PolicyId);
        Assert.Equal(T.AddHours(dueHours), state.FirstResponse.DueAt);
        Assert.Equal(stateAfterOneHour, SlaClock.Evaluate(state, T.AddHours(1)).FirstResponse.State);
    }

    [Fact]
    public void Priority_change_keeps_the_credit_for_earlier_pauses()
    {
        var state = Tracker.Replay(
        [
            Created(T, SlaPriority.Normal), Paused(T.AddHours(1)), Resumed(T.AddHours(3)), PriorityChanged(T.AddHours(3.5), SlaPriority.High),
        ]);

        Assert.Equal(T.AddHours(4), state.FirstResponse.DueAt);
    }

    [Fact]
    public void Met_target_keeps_its_verdict_when_the_priority_rises_later()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal), FirstResponded(T.AddHours(1)), PriorityChanged(T.AddHours(2), SlaPriority.Urgent)]);
        var evaluation = SlaClock.Evaluate(state, T.AddHours(7));

        Assert.Equal(SlaState.Met, evaluation.FirstResponse.State);
        Assert.Equal(T.AddHours(8), evaluation.Resolution.DueAt);
        Assert.Equal(SlaState.AtRisk, evaluation.Resolution.State);
    }

    [Fact]
    public void Solving_meets_both_targets_and_ends_a_pause()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal), Paused(T.AddHours(1)), Solved(T.AddHours(30))]);
        var evaluation = SlaClock.Evaluate(state, T.AddHours(200));

        Assert.True(state.IsSolved);
        Assert.False(evaluation.IsPaused);
        Assert.Equal(TimeSpan.FromHours(29), evaluation.PausedTime);
        Assert.Equal(SlaState.Met, evaluation.FirstResponse.State);
        Assert.Equal(SlaState.Met, evaluation.Resolution.State);
        Assert.Equal(T.AddHours(30), evaluation.Resolution.MetAt);
        Assert.Equal(TimeSpan.FromHours(1), state.Resolution.Elapsed);
    }

    [Theory]
    [InlineData(SlaReopenRule.Resume, 58)]
    [InlineData(SlaReopenRule.Restart, 68)]
    public void Reopen_runs_the_resolution_clock_as_the_policy_says(SlaReopenRule rule, double dueHours)
    {
        var tracker = new SlaTracker(new SlaPolicySet([Policy("p") with { Resolution = TimeSpan.FromHours(48), ReopenRule = rule }]), BusinessCalendarSet.Empty);

        var state = tracker.Replay([Created(T, SlaPriority.High), FirstResponded(T), Solved(T.AddHours(10)), Reopened(T.AddHours(20))]);

        Assert.False(state.IsSolved);
        Assert.Equal(SlaClockPhase.Running, state.Resolution.Phase);
        Assert.Equal(T.AddHours(dueHours), state.Resolution.DueAt);
        Assert.Equal(SlaState.Met, SlaClock.Evaluate(state, T.AddHours(21)).FirstResponse.State);
    }

    [Fact]
    public void Explicit_policy_on_creation_and_later_policy_change_win_over_priority()
    {
        var state = Tracker.Replay([Created(T, SlaPriority.Normal, "default-urgent")]);
        var changed = Tracker.Replay([Created(T, SlaPriority.Normal), PolicyChanged(T.AddMinutes(5), "default-high"), PolicyChanged(T.AddMinutes(6), "missing")]);

        Assert.Equal("default-urgent", state.PolicyId);
        Assert.Equal("default-high", changed.PolicyId);
    }

    [Fact]
    public void Ticket_without_a_matching_policy_has_no_targets()
    {
        var evaluation = Tracker.Evaluate([Created(T, "someday")], T.AddDays(30));

        Assert.Null(evaluation.PolicyId);
        Assert.Equal(SlaState.None, evaluation.FirstResponse.State);
        Assert.Equal(SlaState.None, evaluation.Resolution.State);
    }

    [Fact]
    public void Zero_target_means_the_policy_sets_no_such_target()
    {
        var tracker = new SlaTracker(new SlaPolicySet([Policy("p") with { FirstResponse = TimeSpan.Zero }]), BusinessCalendarSet.Empty);

        var evaluation = tracker.Evaluate([Created(T, SlaPriority.High)], T.AddDays(30));

        Assert.Equal(SlaState.None, evaluation.FirstResponse.State);
        Assert.Equal(SlaState.Breached, evaluation.Resolution.State);
    }

    [Fact]
    public void Events_are_applied_in_time_order_and_history_needs_a_creation()
    {
        var shuffled = Tracker.Replay([Resumed(T.AddHours(5)), Paused(T.AddHours(2)), Created(T, SlaPriority.Normal)]);

        Assert.Equal(T.AddHours(11), shuffled.FirstResponse.DueAt);
        Assert.Throws<ArgumentException>(() => Tracker.Replay([Paused(T)]));
    }

    private static SlaPolicy Policy(string id) => new()
    {
        Id = id,
        Name = id,
        Priority = SlaPriority.High,
        FirstResponse = TimeSpan.FromHours(2),
        Resolution = TimeSpan.FromHours(24),
    };
}
