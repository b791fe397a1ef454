namespace SuperTickets.Pipeline.Ingest;

/// <summary>Raw bytes fetched from a mailbox, with where they came from.</summary>
public sealed record IncomingMail(string MailboxId, string SourceRef, byte[] Content);
