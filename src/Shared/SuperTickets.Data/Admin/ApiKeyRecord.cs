namespace SuperTickets.Data.Admin;

/// <summary>An API key as stored: only the SHA-256 of its secret is kept.</summary>
public sealed record ApiKeyRecord
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Role { get; init; } = "";
    public string KeyHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
}
