namespace SuperTickets.Knowledge;

/// <summary>A knowledge-base article. <see cref="Id"/> is the slug (lowercase letters, digits, hyphens).</summary>
public sealed record KbArticle(
    string Id,
    string Title,
    string Body,
    string Category,
    IReadOnlyList<string> Tags,
    string Language,
    DateTimeOffset UpdatedAt);
