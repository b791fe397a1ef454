namespace SuperTickets.Data;

public sealed record AgentRecord
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    public string SkillsJson { get; init; } = "[]";
    public string LanguagesJson { get; init; } = "[]";
    public int MaxConcurrent { get; init; }
    public string Status { get; init; } = "available";
    public DateTimeOffset CreatedAt { get; init; }
}
