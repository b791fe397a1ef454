namespace SuperTickets.Pipeline.Resolve;

public sealed record AgentCandidate(
    long Id,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    int MaxConcurrent,
    string Status,
    int OpenTickets);
