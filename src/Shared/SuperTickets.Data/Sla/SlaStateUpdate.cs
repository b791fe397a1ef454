namespace SuperTickets.Data.Sla;

/// <summary>A ticket's SLA target states and fired thresholds after a sweep evaluated it.</summary>
public sealed record SlaStateUpdate(long TicketId, string FirstResponseState, string ResolutionState, string FiredThresholds);
