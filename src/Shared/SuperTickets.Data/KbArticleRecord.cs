namespace SuperTickets.Data;

public sealed record KbArticleRecord
{
    public string Id { get; init; } = "";
    public string Title { get; init; } = "";
    public string Body { get; init; } = "";
    public string Category { get; init; } = "";
    public string TagsJson { get; init; } = "[]";
    public string Language { get; init; } = "en";
    public DateTimeOffset UpdatedAt { get; init; }
}
