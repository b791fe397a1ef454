using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Contracts;
using SuperTickets.Mail;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Resolve.Meetings;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests.Meetings;

/// <summary>The resolve stage with <c>Resolve:Calendar:Google</c> pointing at a fake calendar, on a clock fixed at a Monday morning.</summary>
public sealed class MeetingBookingTests
{
    private static readonly DateTimeOffset Monday = CalendarTestSettings.Monday;

    [Fact]
    public async Task A_meeting_email_is_offered_the_calendars_first_free_slot_and_booked_once_however_often_it_is_delivered()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.Busy.Add((Monday.AddHours(2), Monday.AddHours(3.5)));
        await using var harness = await ResolveHarness.CreateAsync(CalendarTestSettings.Configuration(server), new FixedClock(Monday));
        var emailId = await IngestAsync(harness);

        await harness.ResolveAsync(ResolveHarness.Verdict(emailId, "general", meeting: true));

        var ics = await InvitationAsync(harness);
        Assert.Contains("DTSTART:20261123T103000Z", ics);
        Assert.Contains("DTEND:20261123T110000Z", ics);
        var request = Assert.Single(await OutboxAsync(harness));
        Assert.Equal((Monday.AddHours(3.5), TimeSpan.FromMinutes(30)), (request.ProposedStart, request.Duration));

        var envelope = Envelope(harness, request);
        Assert.Null((await BookAsync(harness, envelope)).Failure);
        Assert.Null((await BookAsync(harness, envelope)).Failure);
        Assert.Null((await BookAsync(harness, Envelope(harness, request))).Failure);

        var booked = Assert.Single(server.Events);
        Assert.Equal(CalendarEventIds.FromKey("support.nimbus.example", request.IdempotencyKey), booked["id"]!.GetValue<string>());
        Assert.Equal("2026-11-23T10:30:00Z", booked["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("kunde@example.org", booked["attendees"]![0]!["email"]!.GetValue<string>());
        Assert.Equal($"Support call about {TicketNumber.Format(request.TicketId)}", booked["summary"]!.GetValue<string>());
        Assert.Contains($"UID:{booked["extendedProperties"]!["private"]!["icsUid"]!.GetValue<string>()}", ics);
        Assert.DoesNotContain("invoice", booked["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(server.Requests.Where(r => r.StartsWith("POST /calendar/v3/calendars/", StringComparison.Ordinal)), r => Assert.EndsWith("?sendUpdates=none", r, StringComparison.Ordinal));
        var log = await CalendarLogAsync(harness);
        Assert.Equal(["calendar_event_created", "calendar_event_exists"], log.Select(l => l.Action));
        using var analysis = JsonDocument.Parse(log[0].Analysis);
        Assert.Equal(booked["htmlLink"]!.GetValue<string>(), analysis.RootElement.GetProperty("htmlLink").GetString());
        Assert.Equal(booked["id"]!.GetValue<string>(), analysis.RootElement.GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task Server_errors_are_retried_in_process_and_the_event_is_created_once()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.FailNextInserts(503, 500);
        await using var harness = await ResolveHarness.CreateAsync(CalendarTestSettings.Configuration(server), new FixedClock(Monday));
        var request = Request(await IngestAsync(harness));

        Assert.Null((await BookAsync(harness, Envelope(harness, request))).Failure);

        Assert.Single(server.Events);
        Assert.Equal(3, server.InsertBodies.Count);
        Assert.Equal(["calendar_event_created"], (await CalendarLogAsync(harness)).Select(l => l.Action));
    }

    [Fact]
    public async Task Server_errors_beyond_the_retries_go_back_to_the_transport_and_the_redelivery_books_the_event()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.FailNextInserts(503, 503);
        await using var harness = await ResolveHarness.CreateAsync(CalendarTestSettings.Configuration(server, ("MaxRetries", "1")), new FixedClock(Monday));
        var envelope = Envelope(harness, Request(await IngestAsync(harness)));

        var failed = await BookAsync(harness, envelope);
        Assert.Empty(await CalendarLogAsync(harness));
        var retried = await BookAsync(harness, envelope);

        var error = Assert.IsType<CalendarApiException>(failed.Failure);
        Assert.True(error.IsTransient);
        Assert.Null(retried.Failure);
        Assert.Single(server.Events);
        Assert.Equal(["calendar_event_created"], (await CalendarLogAsync(harness)).Select(l => l.Action));
    }

    [Fact]
    public async Task A_permanent_refusal_is_recorded_and_not_retried()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.FailNextInserts(403);
        await using var harness = await ResolveHarness.CreateAsync(CalendarTestSettings.Configuration(server), new FixedClock(Monday));
        var envelope = Envelope(harness, Request(await IngestAsync(harness)));

        Assert.Null((await BookAsync(harness, envelope)).Failure);

        Assert.Empty(server.Events);
        Assert.Single(server.InsertBodies);
        var entry = Assert.Single(await CalendarLogAsync(harness));
        Assert.Equal("calendar_event_failed", entry.Action);
        Assert.Contains("HTTP 403 forbidden", entry.Summary, StringComparison.Ordinal);
    }

    private static async Task<long> IngestAsync(ResolveHarness harness) =>
        await harness.IngestAsync(ResolveDecisionTests.Mail("call-7@example.org", "Can we talk on the phone?",
            "Could we schedule a call about the invoice next week?", from: "Kim Kunde <kunde@example.org>"));

    private static MeetingRequested Request(long emailId) =>
        new(1, emailId, Monday.AddDays(1).AddHours(3), TimeSpan.FromMinutes(30), $"meeting:{emailId}");

    private static MessageEnvelope Envelope(ResolveHarness harness, MeetingRequested request) =>
        harness.Services.GetRequiredService<MessageSerializer>().CreateEnvelope(Topics.MeetingRequested, "conv", request);

    private static Task<BatchOutcome> BookAsync(ResolveHarness harness, MessageEnvelope envelope) =>
        harness.Services.GetServices<ConsumerRegistration>().Single(r => r.Topic == Topics.MeetingRequested)
            .CreateProcessor(harness.Services).ProcessAsync([envelope], 1, CancellationToken.None);

    private static async Task<string> InvitationAsync(ResolveHarness harness)
    {
        await using var db = harness.Open();
        var content = await db.ExecuteScalarAsync<byte[]>("SELECT content FROM outbound_emails WHERE kind = 'meeting_invitation'");
        var calendar = MimeParser.Parse(content!).Attachments.First(a => a.ContentType.StartsWith("text/calendar", StringComparison.Ordinal));
        return Encoding.UTF8.GetString(calendar.Content.Span).Replace("\r\n ", "", StringComparison.Ordinal);
    }

    private static async Task<List<MeetingRequested>> OutboxAsync(ResolveHarness harness)
    {
        await using var db = harness.Open();
        var payloads = await db.QueryAsync<byte[]>("SELECT payload FROM outbox WHERE topic = @topic", new { topic = Topics.MeetingRequested });
        return payloads.Select(p => JsonSerializer.Deserialize<MeetingRequested>(p, MessageSerializer.JsonOptions)!).ToList();
    }

    private static async Task<List<(string Action, string Summary, string Analysis)>> CalendarLogAsync(ResolveHarness harness)
    {
        await using var db = harness.Open();
        return (await db.QueryAsync<(string, string, string)>(
            "SELECT action, summary, analysis_json FROM support_interactions WHERE action LIKE 'calendar_event_%' ORDER BY id")).ToList();
    }
}
