using System.Net;
using SuperTickets.Admin.Auth;
using SuperTickets.Data;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

[Collection(PostgresCollection.Name)]
public sealed class DeadLetterApiTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task A_dead_letter_is_shown_with_its_payload_and_replayed_once_with_the_same_message_id(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var id = await host.Seed.DeadLetterAsync();
        var admin = await host.ClientAsync(AdminRoles.Admin);

        var list = await (await admin.GetAsync("/api/dead-letters")).ReadJsonAsync();
        var detail = await (await admin.GetAsync($"/api/dead-letters/{id}")).ReadJsonAsync();
        var replay = await admin.PostAsync($"/api/dead-letters/{id}/replay", null);
        var again = await admin.PostAsync($"/api/dead-letters/{id}/replay", null);

        Assert.Equal(id, list[0].GetProperty("id").GetInt64());
        Assert.Equal(1, detail.GetProperty("payload").GetProperty("emailId").GetInt32());
        Assert.Equal("boom", detail.GetProperty("exceptionMessage").GetString());
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await again.AssertProblemAsync(409);
        var messageId = detail.GetProperty("messageId").GetString();
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM outbox WHERE message_id = @messageId AND topic = 'supertickets.email.triaged.v1'", new { messageId }));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM dead_letters WHERE replayed_at IS NOT NULL"));
        await (await admin.PostAsync("/api/dead-letters/999999/replay", null)).AssertProblemAsync(404);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Replay_all_then_purge_removes_replayed_letters_and_purge_all_the_rest(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        await host.Seed.DeadLetterAsync();
        await host.Seed.DeadLetterAsync("supertickets.email.received.v1");
        var admin = await host.ClientAsync(AdminRoles.Admin);

        var replayed = await (await admin.PostAsync("/api/dead-letters/replay", null)).ReadJsonAsync();
        var late = await host.Seed.DeadLetterAsync();
        var purged = await (await admin.DeleteAsync("/api/dead-letters")).ReadJsonAsync();
        var remaining = await host.CountAsync("SELECT COUNT(*) FROM dead_letters");
        var purgedAll = await (await admin.DeleteAsync("/api/dead-letters?includePending=true")).ReadJsonAsync();

        Assert.Equal(2, replayed.GetProperty("replayed").GetArrayLength());
        Assert.Equal(2, await host.CountAsync("SELECT COUNT(*) FROM outbox"));
        Assert.Equal(2, purged.GetProperty("deleted").GetInt32());
        Assert.Equal(1, remaining);
        Assert.Equal(1, purgedAll.GetProperty("deleted").GetInt32());
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM dead_letters WHERE id = @late", new { late }));
        Assert.Contains(await host.AuditAsync(), a => a.Action == "dead_letter.purge" && a.Detail == "1 deleted (including pending)");
    }
}
