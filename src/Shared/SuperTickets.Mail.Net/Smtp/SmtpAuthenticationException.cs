namespace SuperTickets.Mail.Net.Smtp;

/// <summary>The server rejected the credentials, or offers no mechanism this client can use.</summary>
public sealed class SmtpAuthenticationException : SmtpException
{
    public SmtpAuthenticationException(string command, int code, string? enhancedStatus, string text)
        : base(command, code, enhancedStatus, text)
    {
    }
}
