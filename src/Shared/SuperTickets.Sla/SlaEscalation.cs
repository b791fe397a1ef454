namespace SuperTickets.Sla;

/// <summary>Decides which escalation thresholds an evaluation crosses. Pure.</summary>
public static class SlaEscalation
{
    /// <summary>
    /// Thresholds the evaluation currently stands at: AtRisk or Breached per target (a breach does not also report
    /// the at-risk threshold). None when there is no policy or the policy is disabled.
    /// </summary>
    public static SlaThreshold Crossed(SlaEvaluation evaluation)
    {
        if (evaluation.PolicyId is null || !evaluation.PolicyEnabled)
        {
            return SlaThreshold.None;
        }

        return For(evaluation.FirstResponse.State, SlaThreshold.FirstResponseAtRisk, SlaThreshold.FirstResponseBreached)
            | For(evaluation.Resolution.State, SlaThreshold.ResolutionAtRisk, SlaThreshold.ResolutionBreached);
    }

    /// <summary>
    /// Thresholds to fire now: crossed and not fired before. Each threshold fires at most once per ticket; a fired
    /// breach also counts as its at-risk threshold, so a ticket that jumped straight to breached never warns late.
    /// Store <c>alreadyFired | result</c> with the ticket.
    /// </summary>
    public static SlaThreshold NewlyCrossed(SlaEvaluation evaluation, SlaThreshold alreadyFired)
    {
        var fired = alreadyFired;
        if (fired.HasFlag(SlaThreshold.FirstResponseBreached))
        {
            fired |= SlaThreshold.FirstResponseAtRisk;
        }

        if (fired.HasFlag(SlaThreshold.ResolutionBreached))
        {
            fired |= SlaThreshold.ResolutionAtRisk;
        }

        return Crossed(evaluation) & ~fired;
    }

    private static SlaThreshold For(SlaState state, SlaThreshold atRisk, SlaThreshold breached) => state switch
    {
        SlaState.AtRisk => atRisk,
        SlaState.Breached => breached,
        _ => SlaThreshold.None,
    };
}
