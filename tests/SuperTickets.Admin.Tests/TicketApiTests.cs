using System.Net;
using System.Net.Http.Json;
using System.Text;
using SuperTickets.Admin.Auth;
using SuperTickets.Data;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

[Collection(PostgresCollection.Name)]
public sealed class TicketApiTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Listing_filters_pages_and_puts_open_high_scoring_work_first(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var low = await host.Seed.TicketAsync("Question", priority: "low", score: 10);
        var urgent = await host.Seed.TicketAsync("Down", priority: "urgent", score: 80, category: "outage");
        var solved = await host.Seed.TicketAsync("Done", status: TicketStatus.Solved, score: 95);
        var viewer = await host.ClientAsync(AdminRoles.Viewer);

        var smart = await (await viewer.GetAsync("/api/tickets")).ReadJsonAsync();
        var filtered = await (await viewer.GetAsync("/api/tickets?priority=urgent&status=open")).ReadJsonAsync();
        var paged = await (await viewer.GetAsync("/api/tickets?order=newest&page=2&pageSize=1")).ReadJsonAsync();
        var unassigned = await (await viewer.GetAsync("/api/tickets?assignee=none&category=outage")).ReadJsonAsync();

        Assert.Equal([urgent, low, solved], smart.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Equal(3, smart.GetProperty("total").GetInt64());
        Assert.Equal([urgent], filtered.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Equal([urgent], paged.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        Assert.Equal(2, paged.GetProperty("page").GetInt32());
        Assert.Equal([urgent], unassigned.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Invalid_filters_get_400_with_a_message_per_field(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var viewer = await host.ClientAsync(AdminRoles.Viewer);

        var problem = await (await viewer.GetAsync("/api/tickets?status=lost&priority=meh&assignee=x&pageSize=5000&order=random")).AssertProblemAsync(400);
        var unparsable = await (await viewer.GetAsync("/api/tickets?page=abc")).AssertProblemAsync(400);

        Assert.Equal(["assignee", "order", "pageSize", "priority", "status"], problem.ErrorFields().Order());
        Assert.Contains("page", unparsable.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sql_shaped_input_is_treated_as_data(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var ticket = await host.Seed.TicketAsync();
        var agent = await host.ClientAsync(AdminRoles.Agent);
        const string injection = "x' OR '1'='1'; DROP TABLE tickets; --";

        var listed = await (await agent.GetAsync("/api/tickets?category=" + Uri.EscapeDataString(injection))).ReadJsonAsync();
        var reply = await agent.PostAsJsonAsync($"/api/tickets/{ticket}/replies", new { text = injection });
        var patched = await agent.PatchJsonAsync($"/api/tickets/{ticket}", new { status = injection });

        Assert.Equal(0, listed.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.Created, reply.StatusCode);
        await patched.AssertProblemAsync(400);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM ticket_messages WHERE body = @injection", new { injection }));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM tickets WHERE status = 'open'"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sql_shaped_values_in_other_filters_and_ids_are_data_too(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        await host.Seed.TicketAsync();
        var admin = await host.ClientAsync(AdminRoles.Admin);
        var injection = Uri.EscapeDataString("' OR 1=1; DELETE FROM raw_emails; --");

        var emails = await (await admin.GetAsync($"/api/emails?mailbox={injection}")).ReadJsonAsync();
        var articles = await (await admin.GetAsync($"/api/kb?category={injection}")).ReadJsonAsync();
        var search = await admin.GetAsync($"/api/kb/search?q={injection}");
        var audit = await admin.GetAsync($"/api/audit?actor={injection}");
        var policy = await admin.GetAsync($"/api/sla/policies/{injection}");

        Assert.Equal(0, emails.GetProperty("total").GetInt64());
        Assert.Equal(0, articles.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Equal("[]", await audit.Content.ReadAsStringAsync());
        await policy.AssertProblemAsync(404);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM raw_emails"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM tickets"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Detail_shows_messages_sla_score_breakdown_and_interactions(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var ticket = await host.Seed.TicketAsync(score: 42);
        var viewer = await host.ClientAsync(AdminRoles.Viewer);

        var detail = await (await viewer.GetAsync($"/api/tickets/{ticket}")).ReadJsonAsync();
        var missing = await viewer.GetAsync("/api/tickets/999999");

        Assert.Equal($"ST-{1000 + ticket}", detail.GetProperty("number").GetString());
        Assert.Equal(42, detail.GetProperty("scoreBreakdown").GetProperty("priority").GetDouble());
        Assert.Equal("ok", detail.GetProperty("sla").GetProperty("firstResponseState").GetString());
        Assert.Single(detail.GetProperty("messages").EnumerateArray());
        Assert.Equal(["received", "ticket_created"], detail.GetProperty("interactions").EnumerateArray().Select(i => i.GetProperty("action").GetString()));
        await missing.AssertProblemAsync(404);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Patch_changes_status_priority_and_assignee_in_one_transaction_with_events(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var ticket = await host.Seed.TicketAsync();
        var agentId = await host.Seed.AgentAsync();
        var agent = await host.ClientAsync(AdminRoles.Agent);

        var response = await agent.PatchJsonAsync($"/api/tickets/{ticket}", new { status = "pending", priority = "high", assigneeId = agentId });
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("high", body.GetProperty("priority").GetString());
        Assert.Equal(agentId, body.GetProperty("assigneeId").GetInt64());
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM ticket_sla WHERE ticket_id = @ticket AND paused_at IS NOT NULL", new { ticket }));
        Assert.Equal(3, await host.CountAsync("SELECT COUNT(*) FROM outbox WHERE topic = 'supertickets.ticket.events.v1'"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM assignments WHERE ticket_id = @ticket AND agent_id = @agentId", new { ticket, agentId }));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE ticket_id = @ticket AND action = 'ticket_updated'", new { ticket }));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Patch_rejects_unknown_values_and_agents_field_by_field(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var ticket = await host.Seed.TicketAsync();
        var agent = await host.ClientAsync(AdminRoles.Agent);

        var invalid = await (await agent.PatchJsonAsync($"/api/tickets/{ticket}", new { status = "gone", priority = "p0", assigneeId = 4242 })).AssertProblemAsync(400);
        var empty = await (await agent.PatchJsonAsync($"/api/tickets/{ticket}", new { })).AssertProblemAsync(400);
        var missing = await agent.PatchJsonAsync("/api/tickets/999999", new { priority = "low" });

        Assert.Equal(["assigneeId", "priority", "status"], invalid.ErrorFields().Order());
        Assert.Equal(["$"], empty.ErrorFields());
        await missing.AssertProblemAsync(404);
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM outbox"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Agent_reply_is_threaded_stored_once_per_idempotency_key_and_requested_through_the_outbox(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var ticket = await host.Seed.TicketAsync("Camera offline");
        var agent = await host.ClientAsync(AdminRoles.Agent);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket}/replies") { Content = Http.Json("""{"text":"Please restart it.","setStatus":"pending"}""") };
        request.Headers.Add("Idempotency-Key", "reply-1");
        var retry = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket}/replies") { Content = Http.Json("""{"text":"Please restart it.","setStatus":"pending"}""") };
        retry.Headers.Add("Idempotency-Key", "reply-1");

        var first = await agent.SendAsync(request);
        var second = await agent.SendAsync(retry);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var created = await first.ReadJsonAsync();
        Assert.Equal(created.GetProperty("id").GetInt64(), (await second.ReadJsonAsync()).GetProperty("id").GetInt64());
        Assert.Equal($"Re: Camera offline [#ST-{1000 + ticket}]", created.GetProperty("subject").GetString());
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM outbound_emails WHERE kind = 'agent_reply'"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM outbox WHERE topic = 'supertickets.reply.requested.v1'"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM ticket_messages WHERE direction = 'out'"));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM tickets WHERE status = 'pending'"));
        await using var connection = await host.Factory.OpenAsync(default);
        var content = Encoding.UTF8.GetString(await Dapper.SqlMapper.ExecuteScalarAsync<byte[]>(connection, "SELECT content FROM outbound_emails") ?? []);
        Assert.Contains("In-Reply-To: <m-", content, StringComparison.Ordinal);
        Assert.DoesNotContain("Auto-Submitted", content, StringComparison.Ordinal);
        Assert.Contains("Please restart it.", content, StringComparison.Ordinal);
    }
}
