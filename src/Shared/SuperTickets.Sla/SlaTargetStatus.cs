namespace SuperTickets.Sla;

/// <summary>One target evaluated at an instant.</summary>
public readonly record struct SlaTargetStatus(SlaState State, DateTimeOffset? DueAt, DateTimeOffset? WarnAt, DateTimeOffset? MetAt);
