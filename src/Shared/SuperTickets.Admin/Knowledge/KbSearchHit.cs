namespace SuperTickets.Admin.Knowledge;

/// <summary>One search result: the article and how it scored (hybrid score, embedding similarity, text score).</summary>
public sealed record KbSearchHit(string Id, string Title, string Category, double Score, double Similarity, double TextScore);
