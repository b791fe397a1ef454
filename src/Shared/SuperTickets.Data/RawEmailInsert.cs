namespace SuperTickets.Data;

public sealed record RawEmailInsert(
    string MailboxId,
    string DedupeKey,
    string? MessageId,
    string ContentSha256,
    byte[] Content,
    string SourceRef,
    DateTimeOffset ReceivedAt);
