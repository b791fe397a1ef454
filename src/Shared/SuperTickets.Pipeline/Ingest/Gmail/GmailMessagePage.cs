namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>One page of <c>users.messages.list</c>, newest first.</summary>
public sealed record GmailMessagePage(IReadOnlyList<GmailMessageRef> Messages, string? NextPageToken);
