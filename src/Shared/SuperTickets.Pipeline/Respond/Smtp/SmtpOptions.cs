using System.ComponentModel.DataAnnotations;
using SuperTickets.Mail.Net;

namespace SuperTickets.Pipeline.Respond.Smtp;

/// <summary>The <c>Respond:Smtp</c> section: the submission server outgoing mail is handed to.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Respond:Smtp";

    [Required(ErrorMessage = "Respond:Smtp:Host is required.")]
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Respond:Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    /// <summary>Leave empty for a relay that needs no authentication.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>OAuth 2.0 access token, sent with SASL XOAUTH2, instead of <see cref="Password"/>.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Name sent with EHLO; defaults to <c>Mail:MessageIdDomain</c>.</summary>
    public string? ClientName { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Respond:Smtp:Timeout must be between 1 second and 10 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>SHA-256 (hex) of the one server certificate to accept, for self-signed servers; empty means normal validation.</summary>
    [RegularExpression("^([0-9A-Fa-f]{64})?$", ErrorMessage = "Respond:Smtp:CertificateSha256 must be 64 hex digits.")]
    public string? CertificateSha256 { get; set; }
}
