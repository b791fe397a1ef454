namespace SuperTickets.Pipeline.Ingest.Gmail;

internal sealed record GmailProfileJson(string? EmailAddress, string? HistoryId);

internal sealed record GmailMessageJson(string? Id, string? ThreadId, List<string>? LabelIds, string? Raw);

internal sealed record GmailMessageListJson(List<GmailMessageJson>? Messages, string? NextPageToken);

internal sealed record GmailHistoryAddedJson(GmailMessageJson? Message);

internal sealed record GmailHistoryJson(string? Id, List<GmailHistoryAddedJson>? MessagesAdded);

internal sealed record GmailHistoryListJson(List<GmailHistoryJson>? History, string? HistoryId, string? NextPageToken);

internal sealed record GmailSendJson(string Raw, string? ThreadId);
