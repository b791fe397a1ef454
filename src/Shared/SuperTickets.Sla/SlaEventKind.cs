namespace SuperTickets.Sla;

/// <summary>What happened to a ticket, as far as its SLA clocks care.</summary>
public enum SlaEventKind
{
    /// <summary>Ticket opened; starts both clocks. Carries the priority (and optionally an explicit policy id).</summary>
    Created,

    /// <summary>Priority changed; the policy is resolved again. Carries the new priority.</summary>
    PriorityChanged,

    /// <summary>A policy was attached explicitly. Carries the policy id.</summary>
    PolicyChanged,

    /// <summary>Status changed to waiting on the customer; running clocks stop advancing.</summary>
    Paused,

    /// <summary>Status changed back from waiting on the customer; paused clocks advance again.</summary>
    Resumed,

    /// <summary>First agent response; the first-response target is met.</summary>
    FirstResponded,

    /// <summary>Ticket solved; the resolution target (and a pending first response) is met.</summary>
    Solved,

    /// <summary>Solved ticket reopened; the resolution clock resumes or restarts as the policy says.</summary>
    Reopened,
}
