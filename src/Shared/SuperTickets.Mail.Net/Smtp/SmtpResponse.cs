namespace SuperTickets.Mail.Net.Smtp;

/// <summary>One (possibly multi-line) server reply.</summary>
internal sealed record SmtpResponse(int Code, IReadOnlyList<string> Lines)
{
    public bool IsPositive => Code is >= 200 and < 400;

    public string Text => string.Join(" ", Lines);

    /// <summary>The enhanced status code (RFC 3463) leading the first line, if present.</summary>
    public string? EnhancedStatus =>
        Lines.Count > 0 && Lines[0].Split(' ', 2)[0] is var first && first.Length >= 5 && first[0] is >= '2' and <= '5' && first.Count(c => c == '.') == 2 && first.All(c => char.IsAsciiDigit(c) || c == '.')
            ? first
            : null;

    /// <summary>The text without the leading enhanced status code.</summary>
    public string Message => EnhancedStatus is { } status ? Text[status.Length..].TrimStart() : Text;
}
