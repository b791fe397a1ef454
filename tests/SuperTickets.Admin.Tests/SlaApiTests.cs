using System.Net;
using System.Net.Http.Json;
using SuperTickets.Admin.Auth;
using SuperTickets.Admin.Sla;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Testing;

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
}
