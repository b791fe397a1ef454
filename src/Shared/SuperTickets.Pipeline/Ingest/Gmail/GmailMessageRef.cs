namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>A message as listed by Gmail: its id and the id of its thread.</summary>
public sealed record GmailMessageRef(string Id, string ThreadId);
