namespace SuperTickets.Data.Admin;

/// <summary>One admin action: who did what to which target, when, and how it ended.</summary>
public sealed record AuditRecord
{
    public long Id { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public string Actor { get; init; } = "";
    public string? Role { get; init; }
    public string Action { get; init; } = "";
    public string? Target { get; init; }
    public string Outcome { get; init; } = "";
    public int StatusCode { get; init; }
    public string? Detail { get; init; }
}
