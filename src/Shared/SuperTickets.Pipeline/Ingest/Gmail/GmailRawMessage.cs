namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>A message fetched with <c>format=raw</c>: its RFC 5322 bytes.</summary>
public sealed record GmailRawMessage(string Id, string ThreadId, byte[] Content);
