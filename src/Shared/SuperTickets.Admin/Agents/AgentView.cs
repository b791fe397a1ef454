using System.Text.Json;
using SuperTickets.Data;

namespace SuperTickets.Admin.Agents;

public sealed record AgentView(long Id, string Name, string Email, IReadOnlyList<string> Skills, IReadOnlyList<string> Languages, int MaxConcurrent, string Status, DateTimeOffset CreatedAt)
{
    public static AgentView From(AgentRecord r) => new(r.Id, r.Name, r.Email,
        JsonSerializer.Deserialize<List<string>>(r.SkillsJson) ?? [], JsonSerializer.Deserialize<List<string>>(r.LanguagesJson) ?? [], r.MaxConcurrent, r.Status, r.CreatedAt);
}
