namespace SuperTickets.Mail.Net;

/// <summary>How a mail connection is protected.</summary>
public enum MailSecurity
{
    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465).</summary>
    Tls,

    /// <summary>Plain connection upgraded with STARTTLS before authenticating; fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>No encryption. Only for trusted local networks.</summary>
    None,
}
