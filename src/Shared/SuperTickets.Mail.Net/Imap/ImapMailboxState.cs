namespace SuperTickets.Mail.Net.Imap;

/// <summary>What SELECT reported about a mailbox.</summary>
public sealed record ImapMailboxState(string Name, uint UidValidity, uint UidNext, uint Exists, bool ReadOnly);
