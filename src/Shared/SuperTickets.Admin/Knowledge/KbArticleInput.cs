using System.Text.Json;
using SuperTickets.Admin.Http;
using SuperTickets.Data;

namespace SuperTickets.Admin.Knowledge;

/// <summary>A knowledge-base article as created or replaced through the API.</summary>
public sealed record KbArticleInput(string? Id, string? Title, string? Body, string? Category, IReadOnlyList<string>? Tags = null, string? Language = null)
{
    public FieldErrors Validate(string id) => new FieldErrors()
        .When(!Ids.IsValid(id), "id", Ids.Rule)
        .Length(Title, "title", 300, required: true)
        .Length(Body, "body", 200_000, required: true)
        .Length(Category, "category", 100, required: true)
        .When(Tags is { Count: > 50 }, "tags", "at most 50 tags.")
        .When(Tags?.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 50) == true, "tags", "each tag must be 1-50 characters.")
        .When(Language is not null && (Language.Length is < 2 or > 10 || !Language.All(c => char.IsAsciiLetter(c) || c == '-')), "language", "must be a language code such as en or pt-BR.");

    public KbArticleRecord ToRecord(string id, DateTimeOffset now) => new()
    {
        Id = id,
        Title = Title!.Trim(),
        Body = Body!,
        Category = Category!.Trim(),
        TagsJson = JsonSerializer.Serialize(Tags ?? []),
        Language = Language ?? "en",
        UpdatedAt = now,
    };
}
