namespace SuperTickets.Contracts;

/// <summary>A raw email was stored durably and parsed. The body stays in the database (claim check).</summary>
public sealed record EmailReceived(
    long EmailId,
    string MailboxId,
    string? MessageId,
    string ConversationKey,
    string Subject,
    string FromAddress,
    int SizeBytes,
    int AttachmentCount,
    DateTimeOffset ReceivedAt);
