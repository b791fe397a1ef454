using SuperTickets.Pipeline.Sla;
using System.Net;
using System.Net.Http.Json;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Sla;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Admin.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SlaApiTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Policies_are_created_replaced_validated_and_deleted_only_when_unused(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var admin = await host.ClientAsync(AdminRoles.Admin);
        var policy = new { id = "vip-urgent", name = "VIP urgent", priority = "urgent", customerTier = "vip", firstResponseMinutes = 15, resolutionMinutes = 240 };

        var created = await admin.PostAsJsonAsync("/api/sla/policies", policy);
        var duplicate = await admin.PostAsJsonAsync("/api/sla/policies", policy);
        var invalid = await (await admin.PostAsJsonAsync("/api/sla/policies", new
        {
            id = "bad id!", name = "", priority = "asap", firstResponseMinutes = 60, resolutionMinutes = 30, warningFraction = 1.5, calendarId = "mars",
        })).AssertProblemAsync(400);
        var replaced = await admin.PutAsJsonAsync("/api/sla/policies/vip-urgent", policy with { name = "VIP urgent (24/7)", firstResponseMinutes = 10 } as object);
        var stored = await (await admin.GetAsync("/api/sla/policies/vip-urgent")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await duplicate.AssertProblemAsync(409);
        Assert.Equal(["calendarId", "id", "name", "priority", "resolutionMinutes", "warningFraction"], invalid.ErrorFields().Order());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(10, stored.GetProperty("firstResponseMinutes").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/sla/policies/vip-urgent")).StatusCode);
        await (await admin.DeleteAsync("/api/sla/policies/vip-urgent")).AssertProblemAsync(404);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_policy_used_by_a_ticket_cannot_be_deleted(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        await host.Seed.TicketAsync();
        var admin = await host.ClientAsync(AdminRoles.Admin);
        await admin.PostAsJsonAsync("/api/sla/policies", new { id = "normal", name = "Normal", priority = "normal", firstResponseMinutes = 60, resolutionMinutes = 600 });

        var refused = await admin.DeleteAsync("/api/sla/policies/normal");

        await refused.AssertProblemAsync(409);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM sla_policies WHERE id = 'normal'"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Calendars_validate_the_time_zone_and_hours_and_round_trip_into_the_sla_engine(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var admin = await host.ClientAsync(AdminRoles.Admin);
        var calendar = new
        {
            timeZone = "Europe/Berlin",
            weeklyHours = new[] { new { day = "monday", start = "09:00", end = "17:00" }, new { day = "Friday", start = "09:00", end = "24:00" } },
            holidays = new[] { "2026-12-25" },
        };

        var created = await admin.PutAsJsonAsync("/api/sla/calendars/berlin", calendar);
        var replaced = await admin.PutAsJsonAsync("/api/sla/calendars/berlin", calendar);
        var invalid = await (await admin.PutAsJsonAsync("/api/sla/calendars/moon", new
        {
            timeZone = "Moon/Base",
            weeklyHours = new[] { new { day = "someday", start = "9am", end = "17:00" }, new { day = "monday", start = "18:00", end = "09:00" } },
            holidays = new[] { "25.12.2026" },
        })).AssertProblemAsync(400);
        var record = await new SlaAdminStore(host.Factory).GetCalendarAsync("berlin", default);
        var engine = SlaCalendars.ToCalendar(record!);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(["holidays[0]", "timeZone", "weeklyHours[0].day", "weeklyHours[0].start", "weeklyHours[1].end"], invalid.ErrorFields().Order());
        Assert.True(engine.IsOpen(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(1))));
        Assert.False(engine.IsOpen(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1))));
        Assert.False(engine.IsOpen(new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/sla/calendars/berlin")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Business_hours_from_a_stored_calendar_drive_deadlines_policy_edits_and_pauses(DbProvider provider)
    {
        // Monday 23 November 2026, 10:30 in Berlin.
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero));
        await using var host = await AdminHost.StartAsync(provider, postgres, clock: clock);
        var admin = await host.ClientAsync(AdminRoles.Admin);
        var weekdays = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.Select(day => new { day, start = "09:00", end = "17:00" });
        (await admin.PutAsJsonAsync("/api/sla/calendars/berlin", new { timeZone = "Europe/Berlin", weeklyHours = weekdays })).EnsureSuccessStatusCode();
        var policy = new { name = "Normal (office hours)", priority = "normal", firstResponseMinutes = 240, resolutionMinutes = 960, useBusinessHours = true, calendarId = "berlin" };
        (await admin.PostAsJsonAsync("/api/sla/policies", new { id = "normal", policy.name, policy.priority, policy.firstResponseMinutes, policy.resolutionMinutes, policy.useBusinessHours, policy.calendarId })).EnsureSuccessStatusCode();
        var plan = await host.Services.GetRequiredService<SlaPlanner>().PlanAsync("normal", "technical", "standard", clock.Now, default);
        var ticket = await host.Seed.TicketAsync(withSla: false);
        await StartAsync(host, ticket, plan!.Value.FirstResponseDue, plan.Value.ResolutionDue);

        clock.Now = Berlin(23, 12, 30);
        var edited = await admin.PutAsJsonAsync("/api/sla/policies/normal", policy with { firstResponseMinutes = 180 });
        var afterEdit = await SlaAsync(host, ticket);
        clock.Now = Berlin(23, 13, 0);
        (await admin.PatchJsonAsync($"/api/tickets/{ticket}", new { status = "pending" })).EnsureSuccessStatusCode();
        clock.Now = Berlin(24, 10, 0);
        (await admin.PatchJsonAsync($"/api/tickets/{ticket}", new { status = "open" })).EnsureSuccessStatusCode();
        var resumed = await SlaAsync(host, ticket);

        Assert.Equal((Berlin(23, 14, 30), Berlin(25, 10, 30)), (plan.Value.FirstResponseDue, plan.Value.ResolutionDue));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal("1", edited.Headers.GetValues("X-Tickets-Retargeted").Single());
        Assert.Equal((Berlin(23, 13, 30), Berlin(25, 10, 30)), (afterEdit.FirstResponseDue, afterEdit.ResolutionDue));
        // Paused Monday 13:00 with 30 minutes of first response and 13.5 business hours of resolution left.
        Assert.Equal((Berlin(24, 10, 30), Berlin(25, 15, 30), (DateTimeOffset?)null), (resumed.FirstResponseDue, resumed.ResolutionDue, resumed.PausedAt));
        Assert.Equal((long)TimeSpan.FromHours(21).TotalSeconds, resumed.PausedSeconds);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Solving_meets_the_targets_and_reopening_runs_the_resolution_clock_from_where_it_stopped(DbProvider provider)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var host = await AdminHost.StartAsync(provider, postgres, clock: clock);
        var admin = await host.ClientAsync(AdminRoles.Admin);
        (await admin.PostAsJsonAsync("/api/sla/policies", new { id = "normal", name = "Normal", priority = "normal", firstResponseMinutes = 180, resolutionMinutes = 600 })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/sla/policies", new { id = "urgent", name = "Urgent", priority = "urgent", firstResponseMinutes = 30, resolutionMinutes = 120 })).EnsureSuccessStatusCode();
        var ticket = await host.Seed.TicketAsync(withSla: false);
        await StartAsync(host, ticket, clock.Now.AddMinutes(180), clock.Now.AddMinutes(600));

        clock.Now = clock.Now.AddHours(2);
        (await admin.PatchJsonAsync($"/api/tickets/{ticket}", new { status = "solved" })).EnsureSuccessStatusCode();
        var solved = await SlaAsync(host, ticket);
        var lateTicket = await host.Seed.TicketAsync(subject: "Late", withSla: false);
        await StartAsync(host, lateTicket, clock.Now.AddMinutes(-1), clock.Now.AddHours(1));
        (await admin.PatchJsonAsync($"/api/tickets/{lateTicket}", new { status = "solved" })).EnsureSuccessStatusCode();
        var late = await SlaAsync(host, lateTicket);
        clock.Now = clock.Now.AddDays(1);
        (await admin.PatchJsonAsync($"/api/tickets/{ticket}", new { status = "open" })).EnsureSuccessStatusCode();
        var reopened = await SlaAsync(host, ticket);
        clock.Now = clock.Now.AddMinutes(30);
        (await admin.PatchJsonAsync($"/api/tickets/{ticket}", new { priority = "urgent" })).EnsureSuccessStatusCode();
        var urgent = await SlaAsync(host, ticket);

        Assert.Equal((SlaStates.Met, SlaStates.Met), (solved.FirstResponseState, solved.ResolutionState));
        Assert.Equal((SlaStates.Breached, SlaStates.Met), (late.FirstResponseState, late.ResolutionState));
        // Two hours used before solving: eight left from the reopen; the solved day does not count.
        Assert.Equal((SlaStates.Met, SlaStates.Ok, clock.Now.AddMinutes(-30).AddHours(8)), (reopened.FirstResponseState, reopened.ResolutionState, reopened.ResolutionDue));
        // Urgent allows two hours of resolution and two and a half are used: due at once, first response stays met.
        Assert.Equal(("urgent", SlaStates.Met, clock.Now), (urgent.PolicyId, urgent.FirstResponseState, urgent.ResolutionDue));
    }

    private static DateTimeOffset Berlin(int day, int hour, int minute) => new(2026, 11, day, hour - 1, minute, 0, TimeSpan.Zero);

    private static async Task StartAsync(AdminHost host, long ticket, DateTimeOffset firstResponseDue, DateTimeOffset resolutionDue)
    {
        await using var session = new DbSession(host.Factory);
        await session.BeginAsync(default);
        await new TicketSlaStore(TimeProvider.System).StartAsync(session, ticket, "normal", firstResponseDue, resolutionDue, default);
        await session.CommitAsync(default);
    }

    private static async Task<TicketSlaRecord> SlaAsync(AdminHost host, long ticket)
    {
        await using var session = new DbSession(host.Factory);
        await session.OpenForReadAsync(default);
        return (await new TicketSlaStore(TimeProvider.System).GetAsync(session, ticket, default))!;
    }
}
