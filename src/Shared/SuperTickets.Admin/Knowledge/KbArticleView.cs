using System.Text.Json;
using SuperTickets.Data;

namespace SuperTickets.Admin.Knowledge;

public sealed record KbArticleView(string Id, string Title, string Body, string Category, IReadOnlyList<string> Tags, string Language, DateTimeOffset UpdatedAt)
{
    public static KbArticleView From(KbArticleRecord r) =>
        new(r.Id, r.Title, r.Body, r.Category, JsonSerializer.Deserialize<List<string>>(r.TagsJson) ?? [], r.Language, r.UpdatedAt);
}
