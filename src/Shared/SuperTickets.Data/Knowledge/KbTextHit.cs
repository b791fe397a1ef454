namespace SuperTickets.Data.Knowledge;

/// <summary>One full-text match: the article id and the provider's relevance score (higher is better,
/// comparable only within one search).</summary>
public sealed record KbTextHit(string Id, double Score);
