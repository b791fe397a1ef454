namespace SuperTickets.Sla;

/// <summary>Whether a target clock is advancing.</summary>
public enum SlaClockPhase
{
    Running,

    /// <summary>Frozen while the ticket waits on the customer.</summary>
    Paused,

    /// <summary>Target met (response given or ticket solved); final until a reopen.</summary>
    Stopped,
}
