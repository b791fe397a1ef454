using System.Net;
using SuperTickets.Pipeline.Resolve.Meetings;

namespace SuperTickets.Pipeline.Tests.Meetings;

public sealed class GoogleCalendarClientTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static NewCalendarEvent Event(string key = "meeting:7", bool conference = false) => new(
        CalendarEventIds.FromKey("support.nimbus.example", key), "Support call about ST-1007", "Support call about ticket ST-1007.",
        Start, TimeSpan.FromMinutes(30), "Europe/Berlin", "kunde@example.org", "Kim Kunde",
        new Dictionary<string, string> { ["icsUid"] = "ticket-7-call@support.nimbus.example" }, conference);

    [Fact]
    public async Task FreeBusy_asks_for_the_calendar_over_the_window_and_reads_its_busy_intervals()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.Busy.Add((Start, Start.AddHours(1)));
        server.Busy.Add((Start.AddDays(3), Start.AddDays(3).AddMinutes(45)));
        using var client = new GoogleCalendarClient(CalendarTestSettings.Options(server));

        var busy = await client.QueryFreeBusyAsync(FakeCalendarServer.CalendarId, Start.AddHours(-1), Start.AddDays(2), None);

        Assert.Equal([new BusyInterval(Start, Start.AddHours(1))], busy);
        var body = Assert.Single(server.FreeBusyBodies);
        Assert.Equal("2026-11-24T08:00:00Z", body["timeMin"]!.GetValue<string>());
        Assert.Equal("2026-11-26T09:00:00Z", body["timeMax"]!.GetValue<string>());
        Assert.Equal(FakeCalendarServer.CalendarId, body["items"]![0]!["id"]!.GetValue<string>());
        Assert.Contains("POST /calendar/v3/freeBusy", server.Requests);
    }

    [Fact]
    public async Task FreeBusy_errors_for_the_calendar_surface_as_an_exception_with_the_reason()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        using var client = new GoogleCalendarClient(CalendarTestSettings.Options(server));

        var error = await Assert.ThrowsAsync<CalendarApiException>(() => client.QueryFreeBusyAsync("someone-else@nimbus.example", Start, Start.AddDays(1), None));

        Assert.Equal(["notFound"], error.Reasons);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Event_insert_puts_id_attendee_times_and_send_updates_on_the_wire()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        using var client = new GoogleCalendarClient(CalendarTestSettings.Options(server));
        var request = Event();

        var (booked, created) = await client.InsertEventAsync(FakeCalendarServer.CalendarId, request, "none", None);

        Assert.True(created);
        Assert.Equal(request.Id, booked.Id);
        Assert.Equal($"https://calendar.example/event?eid={request.Id}", booked.HtmlLink);
        Assert.Equal(request.Id + "@google.com", booked.ICalUid);
        Assert.Contains(server.Requests, r => r.StartsWith("POST /calendar/v3/calendars/", StringComparison.Ordinal) && r.EndsWith("/events?sendUpdates=none", StringComparison.Ordinal));
        var body = Assert.Single(server.InsertBodies);
        Assert.Equal(request.Id, body["id"]!.GetValue<string>());
        Assert.Matches("^[a-v0-9]{52}$", request.Id);
        Assert.Equal("tentative", body["status"]!.GetValue<string>());
        Assert.Equal("2026-11-24T09:00:00Z", body["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("2026-11-24T09:30:00Z", body["end"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", body["start"]!["timeZone"]!.GetValue<string>());
        var attendee = Assert.Single(body["attendees"]!.AsArray())!;
        Assert.Equal("kunde@example.org", attendee["email"]!.GetValue<string>());
        Assert.Equal("ticket-7-call@support.nimbus.example", body["extendedProperties"]!["private"]!["icsUid"]!.GetValue<string>());
        Assert.False(body.ContainsKey("conferenceData"));
        Assert.False(body.ContainsKey("iCalUID"));
    }

    [Fact]
    public async Task A_conference_is_requested_only_when_asked_for()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        using var client = new GoogleCalendarClient(CalendarTestSettings.Options(server));
        var request = Event(conference: true);

        await client.InsertEventAsync(FakeCalendarServer.CalendarId, request, "all", None);

        Assert.Contains(server.Requests, r => r.EndsWith("/events?sendUpdates=all&conferenceDataVersion=1", StringComparison.Ordinal));
        var create = Assert.Single(server.InsertBodies)["conferenceData"]!["createRequest"]!;
        Assert.Equal(request.Id, create["requestId"]!.GetValue<string>());
        Assert.Equal("hangoutsMeet", create["conferenceSolutionKey"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_repeated_insert_is_answered_409_and_returns_the_existing_event()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        using var client = new GoogleCalendarClient(CalendarTestSettings.Options(server));
        var (first, _) = await client.InsertEventAsync(FakeCalendarServer.CalendarId, Event(), "none", None);

        var (again, created) = await client.InsertEventAsync(FakeCalendarServer.CalendarId, Event(), "none", None);

        Assert.False(created);
        Assert.Equal(first, again);
        Assert.Single(server.Events);
        Assert.Equal(2, server.InsertBodies.Count);
    }

    [Fact]
    public async Task A_refused_insert_throws_with_status_and_reason_and_only_server_errors_are_transient()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        using var client = new GoogleCalendarClient(CalendarTestSettings.Options(server));
        server.FailNextInserts(403, 503);

        var forbidden = await Assert.ThrowsAsync<CalendarApiException>(() => client.InsertEventAsync(FakeCalendarServer.CalendarId, Event(), "none", None));
        var unavailable = await Assert.ThrowsAsync<CalendarApiException>(() => client.InsertEventAsync(FakeCalendarServer.CalendarId, Event(), "none", None));

        Assert.Equal((HttpStatusCode.Forbidden, false, "HTTP 403 forbidden"), (forbidden.StatusCode, forbidden.IsTransient, forbidden.Summary));
        Assert.Equal((HttpStatusCode.ServiceUnavailable, true), (unavailable.StatusCode, unavailable.IsTransient));
        Assert.True(new CalendarApiException(HttpStatusCode.Forbidden, ["userRateLimitExceeded"], "slow down").IsTransient);
        Assert.Empty(server.Events);
    }

    [Fact]
    public async Task An_access_token_the_api_rejects_is_refreshed_once_and_the_call_succeeds()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        using var client = new GoogleCalendarClient(CalendarTestSettings.Options(server));
        await client.QueryFreeBusyAsync(FakeCalendarServer.CalendarId, Start, Start.AddDays(1), None);
        server.RevokeNextToken = true;

        var (_, created) = await client.InsertEventAsync(FakeCalendarServer.CalendarId, Event(), "none", None);

        Assert.True(created);
        Assert.Equal(2, server.TokensIssued);
        Assert.Equal(2, server.Requests.Count(r => r.StartsWith("POST /calendar/v3/calendars/", StringComparison.Ordinal)));
        Assert.Single(server.Events);
    }

    [Fact]
    public async Task A_service_account_reaches_a_calendar_shared_with_it_without_delegation()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        var options = CalendarTestSettings.Options(server);
        (options.ClientId, options.ClientSecret, options.RefreshToken) = (null, null, null);
        options.ServiceAccountJson = server.CreateServiceAccountJson();
        using var client = new GoogleCalendarClient(options);

        var busy = await client.QueryFreeBusyAsync(FakeCalendarServer.CalendarId, Start, Start.AddDays(1), None);

        Assert.Empty(busy);
        Assert.Equal(1, server.TokensIssued);
    }

    [Fact]
    public void Event_ids_are_base32hex_stable_per_key_and_distinct_per_installation()
    {
        var id = CalendarEventIds.FromKey("support.nimbus.example", "meeting:42");

        Assert.True(CalendarEventIds.IsValid(id));
        Assert.Equal(52, id.Length);
        Assert.Equal(id, CalendarEventIds.FromKey("support.nimbus.example", "meeting:42"));
        Assert.NotEqual(id, CalendarEventIds.FromKey("support.nimbus.example", "meeting:43"));
        Assert.NotEqual(id, CalendarEventIds.FromKey("help.other.example", "meeting:42"));
        Assert.False(CalendarEventIds.IsValid("abcw1"));
        Assert.False(CalendarEventIds.IsValid("abc1"));
    }
}
