namespace SuperTickets.Sla;

/// <summary>Evaluates SLA snapshots; pure, allocation-free and independent of calendars.</summary>
public static class SlaClock
{
    /// <summary>
    /// The ticket's standing at <paramref name="now"/>. A running target is breached once <paramref name="now"/> is
    /// past its deadline and at risk from its warning instant on; a paused or met target is judged at the instant it
    /// stopped advancing.
    /// </summary>
    public static SlaEvaluation Evaluate(SlaTicketState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var hasPolicy = state.PolicyId is not null;
        var paused = state.PausedTotal;
        if (state.PausedSince is { } since && now > since)
        {
            paused += now - since;
        }

        return new SlaEvaluation(
            state.PolicyId,
            state.PolicyEnabled,
            state.PausedSince is not null,
            paused,
            Status(state.FirstResponse, hasPolicy, now),
            Status(state.Resolution, hasPolicy, now));
    }

    private static SlaTargetStatus Status(in SlaTargetClock clock, bool hasPolicy, DateTimeOffset now)
    {
        if (!hasPolicy || clock.Target == TimeSpan.Zero)
        {
            return new SlaTargetStatus(SlaState.None, null, null, clock.MetAt);
        }

        var at = clock.Phase == SlaClockPhase.Running ? now : clock.FrozenAt ?? now;
        SlaState state;
        if (clock.DueAt is { } due && at > due)
        {
            state = SlaState.Breached;
        }
        else if (clock.Phase == SlaClockPhase.Stopped)
        {
            state = SlaState.Met;
        }
        else
        {
            state = clock.WarnAt is { } warn && at >= warn ? SlaState.AtRisk : SlaState.Ok;
        }

        return new SlaTargetStatus(state, clock.DueAt, clock.WarnAt, clock.MetAt);
    }
}
