namespace SuperTickets.Mail.Net.Imap;

/// <summary>
/// Messages after a checkpoint, in UID order, with the checkpoint to store once they are durable.
/// <see cref="CheckpointReset"/> is true when UIDVALIDITY changed and the mailbox is being read from the start.
/// </summary>
public sealed record ImapBatch(IReadOnlyList<ImapMessage> Messages, ImapCheckpoint Checkpoint, bool CheckpointReset, bool HasMore);
