namespace SuperTickets.Knowledge;

/// <summary>One result of an external full-text search: article id and score (higher is better).</summary>
public sealed record KbTextMatch(string Id, double Score);
