namespace SuperTickets.Sla;

/// <summary>Escalation thresholds; a flags value so a ticket's fired thresholds fit one integer column.</summary>
[Flags]
public enum SlaThreshold
{
    None = 0,
    FirstResponseAtRisk = 1,
    FirstResponseBreached = 2,
    ResolutionAtRisk = 4,
    ResolutionBreached = 8,
}
