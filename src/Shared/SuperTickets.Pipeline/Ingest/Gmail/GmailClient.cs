using System.Buffers.Text;
using System.Net;
using System.Net.Http.Json;
using Google.Apis.Http;
using SuperTickets.Pipeline.GoogleApi;

namespace SuperTickets.Pipeline.Ingest.Gmail;

/// <summary>
/// A small typed client for the parts of the Gmail REST API (v1) that ingestion and sending use. Requests go to
/// <see cref="GmailAccountOptions.BaseUrl"/> as user <c>me</c>, authorized by the account's credential, which
/// also refreshes an access token the API rejects with 401 and retries once. Error statuses surface as
/// <see cref="GmailApiException"/>.
/// </summary>
public sealed class GmailClient : IDisposable
{
    private readonly ConfigurableHttpClient _http;

    public GmailClient(GmailAccountOptions account, IReadOnlyCollection<string> defaultScopes) =>
        _http = GoogleApiHttp.CreateClient(account, defaultScopes);

    /// <summary>The mailbox's current history id (<c>users.getProfile</c>).</summary>
    public async Task<string> GetHistoryIdAsync(CancellationToken ct)
    {
        var profile = await GetAsync<GmailProfileJson>("gmail/v1/users/me/profile", ct);
        return profile.HistoryId ?? throw new GmailApiException(HttpStatusCode.OK, "The profile carries no historyId.");
    }

    /// <summary>One page of <c>users.messages.list</c>.</summary>
    public async Task<GmailMessagePage> ListMessagesAsync(string? query, string? labelId, string? pageToken, int maxResults, bool includeSpamTrash, CancellationToken ct)
    {
        var url = "gmail/v1/users/me/messages" + Query(
            ("q", query), ("labelIds", labelId), ("pageToken", pageToken), ("maxResults", maxResults.ToString()),
            ("includeSpamTrash", includeSpamTrash ? "true" : null));
        var page = await GetAsync<GmailMessageListJson>(url, ct);
        var messages = (page.Messages ?? []).Where(m => m.Id is not null).Select(m => new GmailMessageRef(m.Id!, m.ThreadId ?? "")).ToList();
        return new GmailMessagePage(messages, NullIfEmpty(page.NextPageToken));
    }

    /// <summary>
    /// One page of <c>users.history.list</c> with <c>historyTypes=messageAdded</c>. A history id that is too old
    /// for Gmail to answer from throws <see cref="GmailApiException"/> with status 404: the caller must resync in full.
    /// </summary>
    public async Task<GmailHistoryPage> ListHistoryAsync(string startHistoryId, string? labelId, string? pageToken, CancellationToken ct)
    {
        var url = "gmail/v1/users/me/history" + Query(
            ("startHistoryId", startHistoryId), ("historyTypes", "messageAdded"), ("labelId", labelId), ("pageToken", pageToken));
        var page = await GetAsync<GmailHistoryListJson>(url, ct);
        var added = (page.History ?? [])
            .SelectMany(h => h.MessagesAdded ?? [])
            .Select(a => a.Message)
            .Where(m => m?.Id is not null && (m.LabelIds is null || !m.LabelIds.Contains("DRAFT")))
            .Select(m => m!.Id!)
            .ToList();
        return new GmailHistoryPage(added, page.HistoryId ?? startHistoryId, NullIfEmpty(page.NextPageToken));
    }

    /// <summary>A message's raw RFC 5322 content (<c>format=raw</c>), or null when it no longer exists.</summary>
    public async Task<GmailRawMessage?> GetRawMessageAsync(string id, CancellationToken ct)
    {
        try
        {
            var message = await GetAsync<GmailMessageJson>($"gmail/v1/users/me/messages/{Uri.EscapeDataString(id)}?format=raw", ct);
            var raw = message.Raw ?? throw new GmailApiException(HttpStatusCode.OK, "The message carries no raw content.");
            return new GmailRawMessage(message.Id ?? id, message.ThreadId ?? "", Base64Url.DecodeFromChars(raw.AsSpan().TrimEnd('=')));
        }
        catch (GmailApiException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Sends raw RFC 5322 content (<c>users.messages.send</c>), into <paramref name="threadId"/> when given.</summary>
    public async Task<GmailMessageRef> SendAsync(ReadOnlyMemory<byte> content, string? threadId, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("gmail/v1/users/me/messages/send", new GmailSendJson(Base64Url.EncodeToString(content.Span), threadId), GoogleApiHttp.Json, ct);
        var sent = await ReadAsync<GmailMessageJson>(response, ct);
        return new GmailMessageRef(sent.Id ?? "", sent.ThreadId ?? "");
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string url, CancellationToken ct)
    {
        using var response = await _http.GetAsync(url, ct);
        return await ReadAsync<T>(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, ct);
        }

        return await response.Content.ReadFromJsonAsync<T>(GoogleApiHttp.Json, ct)
            ?? throw new GmailApiException(response.StatusCode, "The Gmail API answered with an empty body.");
    }

    private static async Task<GmailApiException> ErrorAsync(HttpResponseMessage response, CancellationToken ct) =>
        new(response.StatusCode, (await GoogleApiHttp.ReadErrorAsync(response, ct)).Describe("Gmail API"));

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var set = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
