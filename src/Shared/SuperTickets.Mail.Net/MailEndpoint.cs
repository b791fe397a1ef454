using System.Net.Security;

namespace SuperTickets.Mail.Net;

/// <summary>Where and how to reach an IMAP or SMTP server.</summary>
public sealed record MailEndpoint(string Host, int Port, MailSecurity Security)
{
    /// <summary>Longest wait for connecting and for each read or write; a stalled server fails with <see cref="TimeoutException"/>.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Replaces the system's certificate validation, e.g. to accept one pinned self-signed certificate.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>Name used for SNI and certificate checks; defaults to <see cref="Host"/>.</summary>
    public string? TlsServerName { get; init; }
}
