using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SuperTickets.Testing;

namespace SuperTickets.Mail.Net.Tests.Gmail;

/// <summary>
/// A local server answering the documented Gmail REST responses (profile, messages list/get/send, history) and an
/// OAuth token endpoint, over one in-memory mailbox, with pages of <see cref="PageSize"/> to exercise paging.
/// </summary>
public sealed class FakeGmailServer : IAsyncDisposable
{
    public const string ClientId = FakeGoogleTokens.ClientId;
    public const string ClientSecret = FakeGoogleTokens.ClientSecret;
    public const string RefreshToken = FakeGoogleTokens.RefreshToken;

    private readonly object _lock = new();
    private readonly List<FakeMessage> _messages = [];
    private readonly FakeGoogleTokens _tokens = new("support@example.com", "gmail");
    private WebApplication _app = null!;
    private long _historyId = 1000;

    public string BaseUrl { get; private set; } = "";

    public string TokenUrl => BaseUrl + "token";

    public int PageSize { get; set; } = 3;

    /// <summary>History ids below this are answered with 404, as Gmail does for history it no longer keeps.</summary>
    public long OldestHistoryId { get; set; }

    /// <summary>When set, every API call is answered with this status.</summary>
    public int? FailWith { get; set; }

    /// <summary>When set, the next API call with a valid token is answered 401 and that token is revoked.</summary>
    public bool RevokeNextToken
    {
        get => _tokens.RevokeNextToken;
        set => _tokens.RevokeNextToken = value;
    }

    public ConcurrentQueue<string> Requests { get; } = new();

    public List<(byte[] Raw, string? ThreadId)> Sent { get; } = [];

    public int TokensIssued => _tokens.TokensIssued;

    public long HistoryId
    {
        get
        {
            lock (_lock)
            {
                return _historyId;
            }
        }
    }

    public static async Task<FakeGmailServer> StartAsync()
    {
        var server = new FakeGmailServer();
        (server._app, server.BaseUrl) = await LocalWebServer.StartAsync(server.Map);
        return server;
    }

    /// <summary>Delivers a message into the mailbox (with the given labels) and records it in the history.</summary>
    public string Deliver(byte[] raw, string threadId = "", params string[] labels)
    {
        lock (_lock)
        {
            var id = $"m{_messages.Count + 1:x4}";
            _historyId += 5;
            _messages.Add(new FakeMessage(id, threadId.Length > 0 ? threadId : "t" + id, raw, MessageIdOf(raw), labels.Length > 0 ? labels : ["INBOX"], _historyId));
            return id;
        }
    }

    /// <summary>Delivers a message and deletes it for good at once; its history record stays, as in Gmail.</summary>
    public string DeliverDeleted(byte[] raw)
    {
        lock (_lock)
        {
            var id = Deliver(raw);
            var index = _messages.FindIndex(m => m.Id == id);
            _messages[index] = _messages[index] with { Deleted = true };
            return id;
        }
    }

    public string ThreadOf(string messageId)
    {
        lock (_lock)
        {
            return _messages.Single(m => m.Id == messageId).ThreadId;
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A service-account key in the downloaded JSON form, for a freshly generated RSA key the server trusts.</summary>
    public string CreateServiceAccountJson() => _tokens.CreateServiceAccountJson(TokenUrl);

    private void Map(WebApplication app)
    {
        app.MapPost("/token", _tokens.IssueAsync);
        app.Use(async (context, next) =>
        {
            Requests.Enqueue(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
            if (context.Request.Path.StartsWithSegments("/gmail") && Reject(context) is { } rejection)
            {
                await rejection.ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        app.MapGet("/gmail/v1/users/me/profile", () => Results.Json(new { emailAddress = "support@example.com", historyId = HistoryId.ToString() }));
        app.MapGet("/gmail/v1/users/me/messages", ListMessages);
        app.MapGet("/gmail/v1/users/me/messages/{id}", GetMessage);
        app.MapGet("/gmail/v1/users/me/history", ListHistory);
        app.MapPost("/gmail/v1/users/me/messages/send", SendAsync);
    }

    private IResult? Reject(HttpContext context)
    {
        if (FailWith is { } status)
        {
            return Error(status, "backendError");
        }

        return _tokens.Authorize(context.Request) ? null : Error(401, "UNAUTHENTICATED");
    }

    private IResult ListMessages(string? q, string? labelIds, string? pageToken, int? maxResults)
    {
        lock (_lock)
        {
            IEnumerable<FakeMessage> matching = _messages.Where(m => !m.Deleted).Reverse();
            if (labelIds is not null)
            {
                matching = matching.Where(m => m.Labels.Contains(labelIds));
            }

            if (q is not null && q.StartsWith("rfc822msgid:", StringComparison.Ordinal))
            {
                matching = matching.Where(m => m.MessageId == q["rfc822msgid:".Length..]);
            }

            var list = matching.ToList();
            var start = int.Parse(pageToken ?? "0");
            var size = Math.Min(PageSize, maxResults ?? 100);
            var page = list.Skip(start).Take(size).Select(m => new { id = m.Id, threadId = m.ThreadId }).ToList();
            var next = start + size < list.Count ? (start + size).ToString() : null;
            return Results.Json(new { messages = page, nextPageToken = next, resultSizeEstimate = list.Count });
        }
    }

    private IResult GetMessage(string id, string? format)
    {
        lock (_lock)
        {
            var message = _messages.SingleOrDefault(m => m.Id == id && !m.Deleted);
            if (message is null || format != "raw")
            {
                return Error(message is null ? 404 : 400, message is null ? "NOT_FOUND" : "INVALID_ARGUMENT");
            }

            return Results.Json(new { id, threadId = message.ThreadId, labelIds = message.Labels, historyId = message.HistoryId.ToString(), raw = Base64Url.EncodeToString(message.Raw) });
        }
    }

    private IResult ListHistory(string startHistoryId, string? historyTypes, string? labelId, string? pageToken)
    {
        lock (_lock)
        {
            var start = long.Parse(startHistoryId);
            if (start < OldestHistoryId || historyTypes != "messageAdded")
            {
                return Error(start < OldestHistoryId ? 404 : 400, start < OldestHistoryId ? "NOT_FOUND" : "INVALID_ARGUMENT");
            }

            var records = _messages.Where(m => m.HistoryId > start && (labelId is null || m.Labels.Contains(labelId))).ToList();
            var skip = int.Parse(pageToken ?? "0");
            var page = records.Skip(skip).Take(PageSize).Select(m => new
            {
                id = m.HistoryId.ToString(),
                messages = new[] { new { id = m.Id, threadId = m.ThreadId } },
                messagesAdded = new[] { new { message = new { id = m.Id, threadId = m.ThreadId, labelIds = m.Labels } } },
            }).ToList();
            var next = skip + PageSize < records.Count ? (skip + PageSize).ToString() : null;
            return Results.Json(new { history = page, nextPageToken = next, historyId = _historyId.ToString() });
        }
    }

    private async Task<IResult> SendAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var raw = Base64Url.DecodeFromChars(body.RootElement.GetProperty("raw").GetString());
        var threadId = body.RootElement.TryGetProperty("threadId", out var t) ? t.GetString() : null;
        lock (_lock)
        {
            Sent.Add((raw, threadId));
        }

        var id = Deliver(raw, threadId ?? "", "SENT");
        return Results.Json(new { id, threadId = ThreadOf(id), labelIds = new[] { "SENT" } });
    }

    private static IResult Error(int status, string reason) =>
        Results.Json(new { error = new { code = status, message = "Request failed: " + reason, status = reason } }, statusCode: status);

    private static string MessageIdOf(byte[] raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        var start = text.IndexOf("Message-ID: <", StringComparison.OrdinalIgnoreCase);
        return start < 0 ? "" : text[(start + "Message-ID: <".Length)..text.IndexOf('>', start)];
    }

    private sealed record FakeMessage(string Id, string ThreadId, byte[] Raw, string MessageId, string[] Labels, long HistoryId, bool Deleted = false);
}
