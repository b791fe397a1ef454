using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests.Meetings;

/// <summary>
/// A local server answering the documented Google Calendar v3 responses for one calendar (<c>freeBusy</c>,
/// <c>events.insert</c> with client-chosen ids and 409 <c>duplicate</c>, <c>events.get</c>) and an OAuth token endpoint.
/// </summary>
public sealed class FakeCalendarServer : IAsyncDisposable
{
    public const string CalendarId = "support@nimbus.example";

    private readonly FakeGoogleTokens _tokens = new(null, "calendar");
    private readonly ConcurrentDictionary<string, JsonObject> _events = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> _insertFailures = new();
    private WebApplication _app = null!;

    public string BaseUrl { get; private set; } = "";

    public string TokenUrl => BaseUrl + "token";

    /// <summary>Busy intervals of <see cref="CalendarId"/>, besides the events created through the API.</summary>
    public List<(DateTimeOffset Start, DateTimeOffset End)> Busy { get; } = [];

    /// <summary>When set, every API call is answered with this status.</summary>
    public int? FailWith { get; set; }

    /// <summary>How long <c>freeBusy</c> takes to answer.</summary>
    public TimeSpan FreeBusyDelay { get; set; }

    public bool RevokeNextToken
    {
        get => _tokens.RevokeNextToken;
        set => _tokens.RevokeNextToken = value;
    }

    public int TokensIssued => _tokens.TokensIssued;

    /// <summary>Method, path and query of every request, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The JSON bodies of <c>events.insert</c> and <c>freeBusy</c> requests, in order.</summary>
    public ConcurrentQueue<JsonObject> InsertBodies { get; } = new();

    public ConcurrentQueue<JsonObject> FreeBusyBodies { get; } = new();

    public IReadOnlyCollection<JsonObject> Events => _events.Values.ToList();

    public static async Task<FakeCalendarServer> StartAsync()
    {
        var server = new FakeCalendarServer();
        (server._app, server.BaseUrl) = await LocalWebServer.StartAsync(server.Map);
        return server;
    }

    /// <summary>The next <c>events.insert</c> calls are answered with these statuses, one each, before inserts succeed again.</summary>
    public void FailNextInserts(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _insertFailures.Enqueue(status);
        }
    }

    public string CreateServiceAccountJson() => _tokens.CreateServiceAccountJson(TokenUrl);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/token", _tokens.IssueAsync);
        app.Use(async (context, next) =>
        {
            Requests.Enqueue(context.Request.Method + " " + context.Request.Path + context.Request.QueryString);
            if (context.Request.Path.StartsWithSegments("/calendar"))
            {
                var refusal = FailWith is { } status ? Error(status, "backendError", "Backend Error")
                    : !_tokens.Authorize(context.Request) ? Error(401, "authError", "Invalid Credentials")
                    : null;
                if (refusal is not null)
                {
                    await refusal.ExecuteAsync(context);
                    return;
                }
            }

            await next(context);
        });
        app.MapPost("/calendar/v3/freeBusy", FreeBusyAsync);
        app.MapPost("/calendar/v3/calendars/{calendarId}/events", InsertAsync);
        app.MapGet("/calendar/v3/calendars/{calendarId}/events/{eventId}", GetEvent);
    }

    private async Task<IResult> FreeBusyAsync(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        FreeBusyBodies.Enqueue(body);
        await Task.Delay(FreeBusyDelay, request.HttpContext.RequestAborted);
        var from = DateTimeOffset.Parse(body["timeMin"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(body["timeMax"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        if (to <= from)
        {
            return Error(400, "timeRangeEmpty", "The specified time range is empty.");
        }

        var calendars = new JsonObject();
        foreach (var item in body["items"]!.AsArray())
        {
            var id = item!["id"]!.GetValue<string>();
            calendars[id] = id == CalendarId
                ? new JsonObject { ["busy"] = BusyBetween(from, to) }
                : new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["domain"] = "global", ["reason"] = "notFound" }), ["busy"] = new JsonArray() };
        }

        return Results.Json(new JsonObject { ["kind"] = "calendar#freeBusy", ["timeMin"] = Rfc3339(from), ["timeMax"] = Rfc3339(to), ["calendars"] = calendars });
    }

    private async Task<IResult> InsertAsync(string calendarId, HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
        InsertBodies.Enqueue(body);
        if (_insertFailures.TryDequeue(out var failure))
        {
            return Error(failure, failure >= 500 ? "backendError" : "forbidden", "Request failed");
        }

        if (calendarId != CalendarId)
        {
            return Error(404, "notFound", "Not Found");
        }

        var id = body["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString("N");
        if (id.Length is < 5 or > 1024 || id.Any(c => c is not (>= 'a' and <= 'v' or >= '0' and <= '9')))
        {
            return Error(400, "invalid", "Invalid resource id value.");
        }

        if (body["start"]?["dateTime"] is null || body["end"]?["dateTime"] is null)
        {
            return Error(400, "required", "Missing end time.");
        }

        var stored = (JsonObject)body.DeepClone();
        stored["kind"] = "calendar#event";
        stored["id"] = id;
        stored["status"] ??= "confirmed";
        stored["htmlLink"] = $"https://calendar.example/event?eid={id}";
        stored["iCalUID"] = id + "@google.com";
        stored["organizer"] = new JsonObject { ["email"] = CalendarId, ["self"] = true };
        foreach (var attendee in stored["attendees"]?.AsArray() ?? [])
        {
            attendee!["responseStatus"] = "needsAction";
        }

        return _events.TryAdd(id, stored)
            ? Results.Json(stored)
            : Error(409, "duplicate", "The requested identifier already exists.");
    }

    private IResult GetEvent(string calendarId, string eventId) =>
        calendarId == CalendarId && _events.TryGetValue(eventId, out var stored) ? Results.Json(stored) : Error(404, "notFound", "Not Found");

    private JsonArray BusyBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var created = _events.Values.Select(e => (
            Start: DateTimeOffset.Parse(e["start"]!["dateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture),
            End: DateTimeOffset.Parse(e["end"]!["dateTime"]!.GetValue<string>(), CultureInfo.InvariantCulture)));
        var busy = new JsonArray();
        foreach (var (start, end) in Busy.Concat(created).Where(b => b.End > from && b.Start < to).OrderBy(b => b.Start))
        {
            busy.Add(new JsonObject { ["start"] = Rfc3339(start > from ? start : from), ["end"] = Rfc3339(end < to ? end : to) });
        }

        return busy;
    }

    private static string Rfc3339(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IResult Error(int status, string reason, string message) => Results.Json(new
    {
        error = new { errors = new[] { new { domain = "global", reason, message } }, code = status, message },
    }, statusCode: status);
}
