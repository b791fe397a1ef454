namespace SuperTickets.Mail;

/// <summary>A message to send; <see cref="MailComposer.Compose"/> turns it into RFC 5322 bytes.</summary>
public sealed record OutgoingEmail
{
    public required MailAddress From { get; init; }

    public IReadOnlyList<MailAddress> To { get; init; } = [];

    public IReadOnlyList<MailAddress> Cc { get; init; } = [];

    public IReadOnlyList<MailAddress> ReplyTo { get; init; } = [];

    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    /// <summary>When set, the body becomes multipart/alternative (text, then HTML).</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Message-ID without angle brackets, e.g. <c>t42.7f3a@tickets.example.com</c>.</summary>
    public required string MessageId { get; init; }

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public required DateTimeOffset Date { get; init; }

    /// <summary>Adds <c>Auto-Submitted: auto-replied</c> (RFC 3834) so other systems do not answer it automatically.</summary>
    public bool AutoSubmitted { get; init; }

    /// <summary>Additional header fields (unstructured values; non-ASCII is encoded).</summary>
    public IReadOnlyDictionary<string, string> ExtraHeaders { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<OutgoingAttachment> Attachments { get; init; } = [];
}
