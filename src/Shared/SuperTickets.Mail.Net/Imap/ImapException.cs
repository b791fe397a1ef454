namespace SuperTickets.Mail.Net.Imap;

/// <summary>The IMAP server refused a command (NO, BAD, BYE) or broke the protocol.</summary>
public class ImapException : Exception
{
    public ImapException(string message)
        : base(message)
    {
    }

    public ImapException(string command, string status, string? responseCode, string responseText)
        : base($"IMAP {command} failed: {status} {(responseCode is null ? string.Empty : $"[{responseCode}] ")}{responseText}".TrimEnd())
    {
        Command = command;
        Status = status;
        ResponseCode = responseCode;
        ResponseText = responseText;
    }

    /// <summary>The command's name (never its arguments, which may hold secrets).</summary>
    public string? Command { get; }

    /// <summary>NO, BAD or BYE; null for protocol violations.</summary>
    public string? Status { get; }

    /// <summary>The bracketed response code, e.g. <c>AUTHENTICATIONFAILED</c> or <c>TRYCREATE</c>.</summary>
    public string? ResponseCode { get; }

    /// <summary>The server's human-readable text.</summary>
    public string? ResponseText { get; }
}
