namespace SuperTickets.Mail.Net.Imap;

/// <summary>Which mailbox folder an <see cref="ImapMailboxReader"/> reads, and how.</summary>
public sealed record ImapMailboxReaderOptions(MailEndpoint Endpoint, MailCredentials Credentials, string Folder = "INBOX")
{
    /// <summary>Most messages fetched per batch.</summary>
    public int BatchSize { get; init; } = 50;
}
