using System.Net;
using System.Net.Http.Json;
using SuperTickets.Admin.Auth;
using SuperTickets.Data;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

[Collection(PostgresCollection.Name)]
public sealed class EmailApiTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Raw_download_returns_the_exact_bytes_and_the_parsed_view_its_fields(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var bytes = Seeder.Mail("dana@example.org", "Camera offline", "raw-1@example.org");
        var id = await host.Seed.EmailAsync(bytes, messageId: "raw-1@example.org");
        var viewer = await host.ClientAsync(AdminRoles.Viewer);

        var raw = await viewer.GetAsync($"/api/emails/{id}/raw");
        var parsed = await (await viewer.GetAsync($"/api/emails/{id}")).ReadJsonAsync();

        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await raw.Content.ReadAsByteArrayAsync());
        Assert.Equal("raw-1@example.org", parsed.GetProperty("parsed").GetProperty("messageId").GetString());
        Assert.Equal("inbox", parsed.GetProperty("email").GetProperty("mailboxId").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Array, parsed.GetProperty("parsed").GetProperty("references").ValueKind);
        Assert.Single(parsed.GetProperty("interactions").EnumerateArray());
        await (await viewer.GetAsync("/api/emails/999999/raw")).AssertProblemAsync(404);
        Assert.Contains(await host.AuditAsync(), a => a.Action == "email.download_raw" && a.Target == $"email:{id}" && a.Outcome == "succeeded");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_quarantined_email_that_parses_now_is_requeued_through_the_outbox(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var good = await host.Seed.EmailAsync(Seeder.Mail("dana@example.org", "Help", "q-1@example.org"), EmailStatus.Quarantined, "parser defect (older version)", "q-1@example.org");
        var admin = await host.ClientAsync(AdminRoles.Admin);
        var viewer = await host.ClientAsync(AdminRoles.Viewer);

        var quarantine = await (await viewer.GetAsync("/api/emails/quarantine")).ReadJsonAsync();
        var response = await admin.PostAsync($"/api/emails/{good}/reprocess", null);
        var result = await response.ReadJsonAsync();

        Assert.Equal("parser defect (older version)", quarantine.GetProperty("items")[0].GetProperty("quarantineReason").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("requeued", result.GetProperty("outcome").GetString());
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM raw_emails WHERE id = @good AND status = 'received' AND quarantine_reason IS NULL", new { good }));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM outbox WHERE topic = 'supertickets.email.received.v1' AND msg_key = 'q-1@example.org'"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE raw_email_id = @good AND action = 'reprocessed'", new { good }));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM parsed_emails WHERE raw_email_id = @good AND from_address = 'dana@example.org'", new { good }));
        Assert.Contains(await host.AuditAsync(), a => a.Action == "email.reprocess" && a.Target == $"email:{good}" && a.Detail == "requeued");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Mail_still_unacceptable_stays_quarantined_unless_forced(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var garbage = await host.Seed.EmailAsync([0x00, 0xFF, 0x13, 0x37], EmailStatus.Quarantined, "no usable From address");
        var admin = await host.ClientAsync(AdminRoles.Admin);

        var refused = await (await admin.PostAsync($"/api/emails/{garbage}/reprocess", null)).ReadJsonAsync();
        var outboxAfterRefusal = await host.CountAsync("SELECT COUNT(*) FROM outbox");
        var forced = await (await admin.PostAsync($"/api/emails/{garbage}/reprocess?force=true", null)).ReadJsonAsync();

        Assert.Equal("still_quarantined", refused.GetProperty("outcome").GetString());
        Assert.Contains("no usable From address", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, outboxAfterRefusal);
        Assert.Equal("requeued", forced.GetProperty("outcome").GetString());
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM outbox"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE action = 'reprocess_rejected'"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Processed_emails_are_not_reprocessed_and_many_can_be_reprocessed_at_once(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var resolved = await host.Seed.EmailAsync(Seeder.Mail("a@example.org", "Done", "done@example.org"), messageId: "done@example.org");
        var first = await host.Seed.EmailAsync(Seeder.Mail("b@example.org", "One", "one@example.org"), EmailStatus.Quarantined, "old", "one@example.org");
        var second = await host.Seed.EmailAsync(Seeder.Mail("c@example.org", "Two", "two@example.org"), EmailStatus.Quarantined, "old", "two@example.org");
        var admin = await host.ClientAsync(AdminRoles.Admin);
        var agent = await host.ClientAsync(AdminRoles.Agent);

        await (await admin.PostAsync($"/api/emails/{resolved}/reprocess", null)).AssertProblemAsync(409);
        await (await agent.PostAsJsonAsync("/api/emails/reprocess", new { allQuarantined = true })).AssertProblemAsync(403);
        var invalid = await (await admin.PostAsJsonAsync("/api/emails/reprocess", new { ids = new[] { -1L } })).AssertProblemAsync(400);
        var all = await (await admin.PostAsJsonAsync("/api/emails/reprocess", new { allQuarantined = true })).ReadJsonAsync();

        Assert.Equal(["ids"], invalid.ErrorFields());
        Assert.Equal([first, second], all.EnumerateArray().Select(r => r.GetProperty("emailId").GetInt64()));
        Assert.All(all.EnumerateArray(), r => Assert.Equal("requeued", r.GetProperty("outcome").GetString()));
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM raw_emails WHERE status = 'quarantined'"));
        Assert.Equal(2, await host.CountAsync("SELECT COUNT(*) FROM outbox"));
    }
}
