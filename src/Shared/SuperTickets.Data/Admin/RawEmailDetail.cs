namespace SuperTickets.Data.Admin;

/// <summary>A stored email's raw row with its bytes (for reprocessing).</summary>
public sealed record RawEmailDetail
{
    public long Id { get; init; }
    public string MailboxId { get; init; } = "";
    public string? MessageId { get; init; }
    public string ContentSha256 { get; init; } = "";
    public string SourceRef { get; init; } = "";
    public string Status { get; init; } = "";
    public string? QuarantineReason { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public byte[] Content { get; init; } = [];
}
