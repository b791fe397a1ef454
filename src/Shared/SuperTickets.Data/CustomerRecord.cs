namespace SuperTickets.Data;

public sealed record CustomerRecord
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string? Name { get; init; }
    public string Tier { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>True when the lookup created this customer (no earlier tickets or replies can exist).</summary>
    public bool IsNew { get; init; }
}
