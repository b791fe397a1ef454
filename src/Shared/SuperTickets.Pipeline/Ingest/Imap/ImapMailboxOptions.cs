using SuperTickets.Mail.Net;

namespace SuperTickets.Pipeline.Ingest.Imap;

/// <summary>One IMAP mailbox to ingest (an entry of <c>Ingest:Imap:Mailboxes</c>).</summary>
public sealed class ImapMailboxOptions
{
    /// <summary>Stable mailbox id; the checkpoint and the Message-ID de-duplication are kept per id.</summary>
    public string? Id { get; set; }

    public string? Host { get; set; }

    public int Port { get; set; } = 993;

    public MailSecurity Security { get; set; } = MailSecurity.Tls;

    public string? Username { get; set; }

    /// <summary>Password for SASL PLAIN or LOGIN. Give this or <see cref="AccessToken"/>.</summary>
    public string? Password { get; set; }

    /// <summary>OAuth 2.0 access token, sent with SASL XOAUTH2 (Gmail, Microsoft 365).</summary>
    public string? AccessToken { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>The address this mailbox receives for (shown in health and the admin API).</summary>
    public string Address { get; set; } = "";

    /// <summary>Longest wait between polls; with <see cref="UseIdle"/> new mail is picked up as soon as the server reports it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait with IMAP IDLE (when the server offers it) instead of sleeping and polling.</summary>
    public bool UseIdle { get; set; } = true;

    /// <summary>Set \Seen on messages once they are stored.</summary>
    public bool MarkSeen { get; set; } = true;

    public int BatchSize { get; set; } = 50;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>SHA-256 (hex) of the one server certificate to accept, for self-signed servers; empty means normal validation.</summary>
    public string? CertificateSha256 { get; set; }
}
