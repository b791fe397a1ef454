namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>One page of <c>users.history.list</c>: ids of added messages, oldest first, and the mailbox's current history id.</summary>
public sealed record GmailHistoryPage(IReadOnlyList<string> AddedMessageIds, string HistoryId, string? NextPageToken);
