using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Pipeline.Resolve.Meetings;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests.Meetings;

public sealed class GoogleMeetingSlotFinderTests
{
    private static readonly DateTimeOffset Now = CalendarTestSettings.Monday;
    private static readonly MeetingSlot DefaultSlot = DefaultMeetingSlotFinder.Propose(Now);

    [Fact]
    public async Task The_first_free_slot_of_the_support_calendar_is_proposed()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.Busy.Add((Now.AddHours(2), Now.AddHours(3.5)));
        server.Busy.Add((Now.AddHours(3.75), Now.AddHours(4)));
        var options = CalendarTestSettings.Options(server);
        options.MeetingLength = TimeSpan.FromMinutes(45);
        using var finder = new Finder(options);

        var slot = await finder.FindAsync(Now);

        Assert.Equal(new MeetingSlot(Now.AddHours(4), TimeSpan.FromMinutes(45)), slot);
        var query = Assert.Single(server.FreeBusyBodies);
        Assert.Equal("2026-11-23T09:00:00Z", query["timeMin"]!.GetValue<string>());
        Assert.Equal("2026-11-27T23:00:00Z", query["timeMax"]!.GetValue<string>());
    }

    [Fact]
    public async Task When_the_calendar_is_down_the_default_slot_is_proposed_and_the_reason_logged_without_addresses()
    {
        var server = await FakeCalendarServer.StartAsync();
        var options = CalendarTestSettings.Options(server);
        await server.DisposeAsync();
        using var finder = new Finder(options);

        var slot = await finder.FindAsync(Now);

        Assert.Equal(DefaultSlot, slot);
        var line = Assert.Single(finder.Logs.Lines, l => l.Contains("lookup failed", StringComparison.Ordinal));
        Assert.StartsWith("Warning:", line, StringComparison.Ordinal);
        Assert.DoesNotContain(finder.Logs.Lines, l => l.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_calendar_times_out_into_the_default_slot()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.FreeBusyDelay = TimeSpan.FromSeconds(10);
        var options = CalendarTestSettings.Options(server);
        options.SlotSearchTimeout = TimeSpan.FromMilliseconds(300);
        using var finder = new Finder(options);
        var watch = Stopwatch.StartNew();

        var slot = await finder.FindAsync(Now);

        Assert.Equal(DefaultSlot, slot);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains(finder.Logs.Lines, l => l.Contains("(timed out)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_repeated_failures_the_circuit_opens_and_the_calendar_is_not_asked()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.FailWith = 503;
        using var finder = new Finder(CalendarTestSettings.Options(server));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(DefaultSlot, await finder.FindAsync(Now));
        }

        var asked = server.Requests.Count(r => r.Contains("freeBusy", StringComparison.Ordinal));
        server.FailWith = null;
        Assert.Equal(DefaultSlot, await finder.FindAsync(Now));

        Assert.Equal(3, asked);
        Assert.Equal(asked, server.Requests.Count(r => r.Contains("freeBusy", StringComparison.Ordinal)));
        Assert.Contains(finder.Logs.Lines, l => l.Contains("(HTTP 503 backendError)", StringComparison.Ordinal));
        Assert.Contains(finder.Logs.Lines, l => l.Contains("(circuit open after repeated failures)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_no_slot_is_free_in_the_searched_days_the_default_slot_is_proposed()
    {
        await using var server = await FakeCalendarServer.StartAsync();
        server.Busy.Add((Now, Now.AddDays(14)));
        using var finder = new Finder(CalendarTestSettings.Options(server));

        Assert.Equal(DefaultSlot, await finder.FindAsync(Now));
        Assert.Contains(finder.Logs.Lines, l => l.Contains("No free slot in the next 5 business days", StringComparison.Ordinal));
    }

    /// <summary>The finder wired as in the host, with its log lines kept.</summary>
    private sealed class Finder : IDisposable
    {
        private readonly GoogleCalendarClient _client;
        private readonly LoggerFactory _loggers;
        private readonly GoogleMeetingSlotFinder _finder;

        public Finder(GoogleCalendarOptions options)
        {
            _loggers = new LoggerFactory([Logs]);
            _client = new GoogleCalendarClient(options);
            var settings = Options.Create(options);
            _finder = new GoogleMeetingSlotFinder(_client, new GoogleCalendarResilience(settings, TimeProvider.System, _loggers.CreateLogger<GoogleCalendarResilience>()),
                new DefaultMeetingSlotFinder(), settings, _loggers.CreateLogger<GoogleMeetingSlotFinder>());
        }

        public ListLoggerProvider Logs { get; } = new();

        public Task<MeetingSlot> FindAsync(DateTimeOffset now) => _finder.FindAsync(now, CancellationToken.None);

        public void Dispose()
        {
            _client.Dispose();
            _loggers.Dispose();
        }
    }
}
