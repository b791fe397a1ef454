using System.Net.Http.Headers;
using SuperTickets.Admin.Auth;
using SuperTickets.Data;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

[Collection(PostgresCollection.Name)]
public sealed class RequestLimitTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Malformed_or_mistyped_json_gets_400_problem_details_naming_the_field(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var ticket = await host.Seed.TicketAsync();
        var agent = await host.ClientAsync(AdminRoles.Agent);

        var broken = await (await agent.PatchAsync($"/api/tickets/{ticket}", Http.Json("{\"status\": \"open\""))).AssertProblemAsync(400);
        var mistyped = await (await agent.PatchAsync($"/api/tickets/{ticket}", Http.Json("{\"assigneeId\": \"seven\"}"))).AssertProblemAsync(400);
        var unknown = await (await agent.PatchAsync($"/api/tickets/{ticket}", Http.Json("{\"stauts\": \"open\"}"))).AssertProblemAsync(400);

        Assert.True(broken.TryGetProperty("errors", out _));
        Assert.Equal(["$.assigneeId"], mistyped.ErrorFields());
        Assert.Contains("stauts", unknown.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM outbox"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Oversize_bodies_get_413_whether_declared_or_streamed(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres, new Dictionary<string, string?> { ["Admin:MaxRequestBodyBytes"] = "4096" });
        var ticket = await host.Seed.TicketAsync();
        var agent = await host.ClientAsync(AdminRoles.Agent);
        var text = new string('a', 10_000);

        var declared = await agent.PostAsync($"/api/tickets/{ticket}/replies", Http.Json($$"""{"text":"{{text}}"}"""));
        var streamed = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($$"""{"text":"{{text}}"}""")));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var chunked = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{ticket}/replies") { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        var streamedResponse = await agent.SendAsync(chunked);
        var small = await agent.PostAsync($"/api/tickets/{ticket}/replies", Http.Json("""{"text":"short"}"""));

        await declared.AssertProblemAsync(413);
        await streamedResponse.AssertProblemAsync(413);
        Assert.Equal(System.Net.HttpStatusCode.Created, small.StatusCode);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM outbound_emails"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Unexpected_failures_are_500_problem_details_without_internals_and_audited_as_failed(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var admin = await host.ClientAsync(AdminRoles.Admin);
        await using (var connection = await host.Factory.OpenAsync(default))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "DROP TABLE dead_letters");
        }

        var problem = await (await admin.PostAsync("/api/dead-letters/replay", null)).AssertProblemAsync(500);

        Assert.DoesNotContain("dead_letters", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(await host.AuditAsync(), a => a is { Action: "dead_letter.replay_all", Outcome: "failed", StatusCode: 500 });
    }
}
