namespace SuperTickets.Mail.Net.Imap;

/// <summary>The server rejected the credentials (LOGIN or AUTHENTICATE answered NO), or no usable mechanism exists.</summary>
public sealed class ImapAuthenticationException : ImapException
{
    public ImapAuthenticationException(string message)
        : base(message)
    {
    }

    public ImapAuthenticationException(string command, string status, string? responseCode, string responseText)
        : base(command, status, responseCode, responseText)
    {
    }
}
