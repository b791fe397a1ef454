namespace SuperTickets.Pipeline.Resolve;

/// <summary>Who gets the ticket (null: the unassigned queue) and why.</summary>
public sealed record AssignmentDecision(long? AgentId, string Reason);
