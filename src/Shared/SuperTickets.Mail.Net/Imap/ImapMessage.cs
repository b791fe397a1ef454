namespace SuperTickets.Mail.Net.Imap;

/// <summary>One fetched message: its UID, the exact octets of the message and its flags at fetch time.</summary>
public sealed record ImapMessage(uint Uid, byte[] Content, IReadOnlyList<string> Flags);
