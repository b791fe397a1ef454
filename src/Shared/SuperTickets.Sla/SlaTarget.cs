namespace SuperTickets.Sla;

/// <summary>The two targets an SLA policy sets.</summary>
public enum SlaTarget
{
    FirstResponse,
    Resolution,
}
