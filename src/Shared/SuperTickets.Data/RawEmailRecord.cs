namespace SuperTickets.Data;

public sealed record RawEmailRecord
{
    public long Id { get; init; }
    public string MailboxId { get; init; } = "";
    public string? MessageId { get; init; }
    public string SourceRef { get; init; } = "";
    public string Status { get; init; } = "";
    public string? QuarantineReason { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public int SizeBytes { get; init; }
}
