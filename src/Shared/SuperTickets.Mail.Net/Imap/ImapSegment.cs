namespace SuperTickets.Mail.Net.Imap;

/// <summary>One line of a response and the literal announced at its end, if any.</summary>
internal sealed record ImapSegment(byte[] Line, byte[]? Literal);
