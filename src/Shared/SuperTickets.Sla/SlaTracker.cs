namespace SuperTickets.Sla;

/// <summary>
/// Computes a ticket's SLA snapshot from its history. Rules:
/// <list type="bullet">
/// <item>Both clocks start when the ticket is created. The policy is the explicit one named on creation, else the
/// most specific match for priority, category and customer tier.</item>
/// <item>A priority change resolves the policy again (keeping the current one when nothing matches); a policy change
/// attaches the named policy (ignored when unknown). The later of the two wins. Deadlines of clocks still running or
/// paused are then recomputed from the clock start with the new targets, extended by the business time spent paused;
/// targets already met keep the verdict they had when met.</item>
/// <item>Waiting on the customer freezes every running clock; business time while paused never counts, so pausing
/// never brings a deadline forward. A target breached before a pause stays breached.</item>
/// <item>The first agent response meets the first-response target. Solving meets the resolution target and, if no
/// response came before, the first-response target too; solving also ends a pause.</item>
/// <item>Reopening a solved ticket runs the resolution clock again: <see cref="SlaReopenRule.Resume"/> continues
/// from the business time it had (the solved period does not count), <see cref="SlaReopenRule.Restart"/> starts a
/// fresh full target at the reopen instant. The first-response verdict stands.</item>
/// <item>Events are applied in time order (ties in the given order); events before creation are ignored.</item>
/// </list>
/// </summary>
public sealed class SlaTracker
{
    private readonly SlaPolicySet _policies;
    private readonly BusinessCalendarSet _calendars;

    public SlaTracker(SlaPolicySet policies, BusinessCalendarSet calendars)
    {
        _policies = policies ?? throw new ArgumentNullException(nameof(policies));
        _calendars = calendars ?? throw new ArgumentNullException(nameof(calendars));
    }

    /// <summary>The snapshot of a ticket after its whole history.</summary>
    /// <exception cref="ArgumentException">The history has no <see cref="SlaEventKind.Created"/> event.</exception>
    public SlaTicketState Replay(IEnumerable<SlaTicketEvent> history, string? category = null, string? customerTier = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var replay = new HistoryReplay(_policies, _calendars, category, customerTier);
        foreach (var entry in history.OrderBy(e => e.At))
        {
            replay.Apply(entry);
        }

        return replay.Result() ?? throw new ArgumentException("The ticket history has no Created event.", nameof(history));
    }

    /// <summary>Replays <paramref name="history"/> and evaluates it at <paramref name="now"/>.</summary>
    public SlaEvaluation Evaluate(IEnumerable<SlaTicketEvent> history, DateTimeOffset now, string? category = null, string? customerTier = null) =>
        SlaClock.Evaluate(Replay(history, category, customerTier), now);

    /// <summary>Business time a target has consumed by <paramref name="now"/>, pauses excluded.</summary>
    public TimeSpan Elapsed(SlaTicketState state, SlaTarget target, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var clock = state[target];
        if (clock.Phase != SlaClockPhase.Running || clock.RunningSince is not { } since || now <= since)
        {
            return clock.Elapsed;
        }

        return clock.Elapsed + _calendars.Get(state.CalendarId).BusinessTimeBetween(since, now);
    }
}
