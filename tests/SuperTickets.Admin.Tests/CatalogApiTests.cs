using System.Net;
using System.Net.Http.Json;
using SuperTickets.Admin.Auth;
using SuperTickets.Data;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

/// <summary>Knowledge base, agents and mailboxes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogApiTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Knowledge_base_edits_are_searchable_at_once(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var admin = await host.ClientAsync(AdminRoles.Admin);
        var viewer = await host.ClientAsync(AdminRoles.Viewer);
        await admin.PostAsJsonAsync("/api/kb", new { id = "reset-password", title = "Reset your password", body = "Open settings, choose security, then reset password.", category = "account_access" });
        var before = await (await viewer.GetAsync("/api/kb/search?q=camera%20offline%20firmware")).ReadJsonAsync();

        var created = await admin.PostAsJsonAsync("/api/kb", new
        {
            id = "camera-offline", title = "Camera shows offline", body = "Power-cycle the camera and update the firmware if it stays offline.", category = "technical", tags = new[] { "camera" },
        });
        var after = await (await viewer.GetAsync("/api/kb/search?q=camera%20offline%20firmware")).ReadJsonAsync();
        var invalid = await (await admin.PostAsJsonAsync("/api/kb", new { id = "x y", title = "", body = "b", category = "c", language = "english!" })).AssertProblemAsync(400);
        var list = await (await viewer.GetAsync("/api/kb?category=technical")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotEqual("camera-offline", before.GetArrayLength() == 0 ? null : before[0].GetProperty("id").GetString());
        Assert.Equal("camera-offline", after[0].GetProperty("id").GetString());
        Assert.Equal(["id", "language", "title"], invalid.ErrorFields().Order());
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/kb/camera-offline")).StatusCode);
        var gone = await (await viewer.GetAsync("/api/kb/search?q=camera%20offline%20firmware")).ReadJsonAsync();
        Assert.DoesNotContain(gone.EnumerateArray(), h => h.GetProperty("id").GetString() == "camera-offline");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Agents_are_created_replaced_and_deleted_only_without_history(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var admin = await host.ClientAsync(AdminRoles.Admin);
        var ticket = await host.Seed.TicketAsync();

        var created = await (await admin.PostAsJsonAsync("/api/agents", new { name = "Ana", email = "Ana@Nimbus.example", skills = new[] { "billing" }, maxConcurrent = 3 })).ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();
        var duplicate = await admin.PostAsJsonAsync("/api/agents", new { name = "Other", email = "ana@nimbus.example" });
        var invalid = await (await admin.PostAsJsonAsync("/api/agents", new { name = "", email = "not-an-address", maxConcurrent = -1, status = "asleep" })).AssertProblemAsync(400);
        var replaced = await (await admin.PutAsJsonAsync($"/api/agents/{id}", new { name = "Ana B", email = "ana@nimbus.example", status = "away" })).ReadJsonAsync();
        await admin.PatchJsonAsync($"/api/tickets/{ticket}", new { assigneeId = id });

        Assert.Equal("ana@nimbus.example", created.GetProperty("email").GetString());
        await duplicate.AssertProblemAsync(409);
        Assert.Equal(["email", "maxConcurrent", "name", "status"], invalid.ErrorFields().Order());
        Assert.Equal("away", replaced.GetProperty("status").GetString());
        await (await admin.DeleteAsync($"/api/agents/{id}")).AssertProblemAsync(409);
        var spare = (await (await admin.PostAsJsonAsync("/api/agents", new { name = "Bo", email = "bo@nimbus.example" })).ReadJsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/agents/{spare}")).StatusCode);
        await (await admin.GetAsync($"/api/agents/{spare}")).AssertProblemAsync(404);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Mailboxes_are_paused_and_resumed_and_health_shows_it(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        await host.Seed.EmailAsync(Seeder.Mail("a@example.org", "Hi", "mb@example.org"));
        var admin = await host.ClientAsync(AdminRoles.Admin);

        var paused = await (await admin.PostAsync("/api/mailboxes/inbox/pause", null)).ReadJsonAsync();
        var health = await (await host.Anonymous().GetAsync("/health/ready")).ReadJsonAsync();
        var resumed = await (await admin.PostAsync("/api/mailboxes/inbox/resume", null)).ReadJsonAsync();

        Assert.Equal("paused", paused.GetProperty("status").GetString());
        Assert.Equal("paused", health.GetProperty("checks").GetProperty("mailboxes").GetProperty("data").GetProperty("inbox").GetString());
        Assert.Equal("active", resumed.GetProperty("status").GetString());
        await (await admin.PostAsync("/api/mailboxes/nowhere/pause", null)).AssertProblemAsync(404);
        Assert.Equal(["mailbox.pause", "mailbox.resume", "mailbox.pause"], (await host.AuditAsync()).Select(a => a.Action));
    }
}
