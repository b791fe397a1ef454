using System.Text.RegularExpressions;

namespace SuperTickets.Mail.Net.Smtp;

/// <summary>
/// The SMTP server answered with an error reply. 4xx is transient (retry later), 5xx is permanent.
/// The message hides the local part of any address the server quoted (it ends up in logs); <see cref="ResponseText"/> keeps it.
/// </summary>
public partial class SmtpException : Exception
{
    public SmtpException(string command, int code, string? enhancedStatus, string text)
        : base(Address().Replace($"SMTP {command} failed: {code} {(enhancedStatus is null ? string.Empty : enhancedStatus + " ")}{text}".TrimEnd(), "***@$1"))
    {
        Command = command;
        Code = code;
        EnhancedStatus = enhancedStatus;
        ResponseText = text;
    }

    /// <summary>The command's name (never its arguments).</summary>
    public string Command { get; }

    /// <summary>The three-digit reply code, e.g. 550.</summary>
    public int Code { get; }

    /// <summary>The RFC 3463 enhanced status code when the server sent one, e.g. <c>5.7.8</c>.</summary>
    public string? EnhancedStatus { get; }

    public string ResponseText { get; }

    public bool IsTransient => Code is >= 400 and < 500;

    public bool IsPermanent => Code is >= 500 and < 600;

    [GeneratedRegex(@"[^\s<>:;,""']+@([^\s<>:;,""']+)")]
    private static partial Regex Address();
}
