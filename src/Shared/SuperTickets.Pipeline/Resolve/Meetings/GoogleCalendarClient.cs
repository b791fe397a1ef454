using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Google.Apis.Http;
using SuperTickets.Pipeline.GoogleApi;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>
/// A small typed client for the parts of the Google Calendar REST API (v3) that meeting booking uses: <c>freeBusy</c>,
/// <c>events.insert</c> and <c>events.get</c>. Requests go to <see cref="GoogleAccountOptions.BaseUrl"/>, authorized by the
/// account's credential (a token the API rejects with 401 is refreshed once). Errors surface as <see cref="CalendarApiException"/>.
/// </summary>
public sealed class GoogleCalendarClient : IDisposable
{
    private static readonly string[] DefaultScopes = [GoogleCalendarOptions.EventsScope, GoogleCalendarOptions.ReadonlyScope];

    private readonly ConfigurableHttpClient _http;

    public GoogleCalendarClient(GoogleCalendarOptions options) => _http = GoogleApiHttp.CreateClient(options, DefaultScopes);

    /// <summary>The busy intervals of <paramref name="calendarId"/> between <paramref name="from"/> and <paramref name="to"/>.</summary>
    /// <exception cref="CalendarApiException">The request failed, or the answer carries errors for the calendar.</exception>
    public async Task<IReadOnlyList<BusyInterval>> QueryFreeBusyAsync(string calendarId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var request = new FreeBusyRequestJson(Rfc3339(from), Rfc3339(to), "UTC", [new FreeBusyItemJson(calendarId)]);
        using var response = await _http.PostAsJsonAsync("calendar/v3/freeBusy", request, GoogleApiHttp.Json, ct);
        var answer = await ReadAsync<FreeBusyResponseJson>(response, ct);
        if (answer.Calendars?.GetValueOrDefault(calendarId) is not { } calendar)
        {
            throw new CalendarApiException(response.StatusCode, [], "The freeBusy answer does not mention the calendar asked about.");
        }

        if (calendar.Errors is { Count: > 0 } errors)
        {
            var reasons = errors.Select(e => e.Reason ?? "unknown").ToList();
            throw new CalendarApiException(response.StatusCode, reasons, $"freeBusy could not read the calendar ({string.Join(", ", reasons)}).");
        }

        return (calendar.Busy ?? []).Select(b => new BusyInterval(b.Start, b.End)).ToList();
    }

    /// <summary>
    /// Creates the event (<c>events.insert</c>). When an event with its id exists already (409 <c>duplicate</c>, a
    /// repeated request) nothing is created: the existing event is returned, read back with <c>events.get</c> when possible.
    /// </summary>
    public async Task<(CalendarEvent Event, bool Created)> InsertEventAsync(string calendarId, NewCalendarEvent request, string sendUpdates, CancellationToken ct)
    {
        var url = $"{EventsPath(calendarId)}?sendUpdates={Uri.EscapeDataString(sendUpdates)}" + (request.CreateConference ? "&conferenceDataVersion=1" : "");
        using var response = await _http.PostAsJsonAsync(url, ToJson(request), GoogleApiHttp.Json, ct);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return (await TryGetEventAsync(calendarId, request.Id, ct) ?? new CalendarEvent(request.Id, null, null, null), false);
        }

        return (ToEvent(await ReadAsync<EventJson>(response, ct), request.Id), true);
    }

    /// <summary>One event (<c>events.get</c>), or null when the calendar has none with this id.</summary>
    public async Task<CalendarEvent?> GetEventAsync(string calendarId, string eventId, CancellationToken ct)
    {
        using var response = await _http.GetAsync($"{EventsPath(calendarId)}/{Uri.EscapeDataString(eventId)}", ct);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }

        return ToEvent(await ReadAsync<EventJson>(response, ct), eventId);
    }

    public void Dispose() => _http.Dispose();

    private async Task<CalendarEvent?> TryGetEventAsync(string calendarId, string eventId, CancellationToken ct)
    {
        try
        {
            return await GetEventAsync(calendarId, eventId, ct);
        }
        catch (CalendarApiException)
        {
            return null;
        }
    }

    private static EventJson ToJson(NewCalendarEvent e) => new()
    {
        Id = e.Id,
        Status = "tentative",
        Summary = e.Summary,
        Description = e.Description,
        Start = new EventTimeJson(Rfc3339(e.Start), e.TimeZone),
        End = new EventTimeJson(Rfc3339(e.Start + e.Duration), e.TimeZone),
        Attendees = [new AttendeeJson(e.AttendeeEmail, e.AttendeeName)],
        ExtendedProperties = new ExtendedPropertiesJson(new Dictionary<string, string>(e.PrivateProperties)),
        ConferenceData = e.CreateConference
            ? new ConferenceDataJson(new ConferenceCreateRequestJson(e.Id, new ConferenceSolutionKeyJson("hangoutsMeet")))
            : null,
    };

    private static CalendarEvent ToEvent(EventJson e, string id) => new(e.Id ?? id, e.HtmlLink, e.ICalUid, e.Status);

    private static string EventsPath(string calendarId) => $"calendar/v3/calendars/{Uri.EscapeDataString(calendarId)}/events";

    private static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new CalendarApiException(await GoogleApiHttp.ReadErrorAsync(response, ct));
        }

        return await response.Content.ReadFromJsonAsync<T>(GoogleApiHttp.Json, ct)
            ?? throw new CalendarApiException(response.StatusCode, [], "The Calendar API answered with an empty body.");
    }
}
