namespace SuperTickets.Data;

/// <summary>The parsed view of a stored email; list fields are JSON text.</summary>
public sealed record ParsedEmailRecord
{
    public long RawEmailId { get; init; }
    public string? MessageId { get; init; }
    public string? InReplyTo { get; init; }
    public string ReferencesJson { get; init; } = "[]";
    public string Subject { get; init; } = "";
    public string? FromName { get; init; }
    public string FromAddress { get; init; } = "";
    public string ToJson { get; init; } = "[]";
    public string CcJson { get; init; } = "[]";
    public DateTimeOffset? SentAt { get; init; }
    public string TextBody { get; init; } = "";
    public string NewText { get; init; } = "";
    public string? HtmlBody { get; init; }
    public string AttachmentsJson { get; init; } = "[]";
    public string DefectsJson { get; init; } = "[]";
    public string? NoiseKind { get; init; }
    public string? NoiseReason { get; init; }
    public string ConversationKey { get; init; } = "";
    public string MailboxId { get; init; } = "";
    public string Status { get; init; } = "";
}
