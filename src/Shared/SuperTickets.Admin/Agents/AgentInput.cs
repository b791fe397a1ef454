using System.Text.Json;
using SuperTickets.Admin.Http;
using SuperTickets.Data;

namespace SuperTickets.Admin.Agents;

/// <summary>An agent as created or replaced through the API. Status: available, away or offline.</summary>
public sealed record AgentInput(string? Name, string? Email, IReadOnlyList<string>? Skills = null, IReadOnlyList<string>? Languages = null, int? MaxConcurrent = null, string? Status = null)
{
    public static IReadOnlyList<string> Statuses { get; } = ["available", "away", "offline"];

    public FieldErrors Validate() => new FieldErrors()
        .Length(Name, "name", 200, required: true)
        .Length(Email, "email", 254, required: true)
        .When(Email is { Length: > 0 } && (Email.IndexOf('@') is var at && (at <= 0 || at == Email.Length - 1) || Email.Any(char.IsWhiteSpace)), "email", "must be an email address.")
        .When(Skills is { Count: > 50 } || Skills?.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 50) == true, "skills", "at most 50 skills of 1-50 characters.")
        .When(Languages is { Count: > 20 } || Languages?.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 10) == true, "languages", "at most 20 language codes of 1-10 characters.")
        .When(MaxConcurrent is < 0 or > 1000, "maxConcurrent", "must be between 0 and 1000.")
        .OneOf(Status, "status", Statuses);

    public AgentRecord ToRecord(long id, DateTimeOffset now) => new()
    {
        Id = id,
        Name = Name!.Trim(),
        Email = Email!.Trim().ToLowerInvariant(),
        SkillsJson = JsonSerializer.Serialize(Skills ?? []),
        LanguagesJson = JsonSerializer.Serialize(Languages ?? ["en"]),
        MaxConcurrent = MaxConcurrent ?? 10,
        Status = Status ?? "available",
        CreatedAt = now,
    };
}
