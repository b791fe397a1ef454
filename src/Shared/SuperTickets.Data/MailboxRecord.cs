namespace SuperTickets.Data;

public sealed record MailboxRecord
{
    public string Id { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Address { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Checkpoint { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? LastPolledAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
