namespace SuperTickets.Sla;

/// <summary>Where a ticket stands against one target.</summary>
public enum SlaState
{
    /// <summary>No target applies (no policy, or the policy sets no such target).</summary>
    None,

    /// <summary>Running and below the warning fraction.</summary>
    Ok,

    /// <summary>At or above the warning fraction of the target, not yet past the deadline.</summary>
    AtRisk,

    /// <summary>Past the deadline, whether still open or met late.</summary>
    Breached,

    /// <summary>Met at or before the deadline.</summary>
    Met,
}
