using System.Net;
using System.Net.Http.Headers;
using SuperTickets.Admin.Auth;
using SuperTickets.Data;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

[Collection(PostgresCollection.Name)]
public sealed class AuthTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Health_answers_without_a_key_and_reports_database_transport_and_mailboxes(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        await host.Seed.EmailAsync(Seeder.Mail("a@example.org", "Hi", "h1@example.org"));
        var client = host.Anonymous();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await ready.ReadJsonAsync()).GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("none", checks.GetProperty("transport").GetProperty("data").GetProperty("transport").GetString());
        Assert.Equal("active", checks.GetProperty("mailboxes").GetProperty("data").GetProperty("inbox").GetString());
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Calls_without_a_valid_key_get_401_problem_details(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var validKey = await host.CreateKeyAsync(AdminRoles.Admin);
        var (record, _) = ApiKeys.Create(AdminRoles.Admin, "revoked", DateTimeOffset.UtcNow);
        await new Data.Admin.ApiKeyStore(host.Factory, TimeProvider.System).InsertAsync(record, default);
        await new Data.Admin.ApiKeyStore(host.Factory, TimeProvider.System).RevokeAsync(record.Id, default);
        var wrongSecret = validKey[..^4] + (validKey.EndsWith("0000", StringComparison.Ordinal) ? "1111" : "0000");

        foreach (var key in new[] { null, "nonsense", "stk_zz_zz", wrongSecret, $"stk_{record.Id}_{new string('a', 64)}" })
        {
            using var client = host.Anonymous();
            if (key is not null)
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", key);
            }
            var response = await client.GetAsync("/api/tickets");
            await response.AssertProblemAsync(401);
            Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_key_works_as_header_or_bearer_token_and_is_stored_only_as_a_hash(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var key = await host.CreateKeyAsync(AdminRoles.Viewer);
        using var header = host.Anonymous();
        header.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var bearer = host.Anonymous();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        Assert.Equal(HttpStatusCode.OK, (await header.GetAsync("/api/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/tickets")).StatusCode);
        Assert.Equal(0, await host.CountAsync("SELECT COUNT(*) FROM api_keys WHERE key_hash LIKE @secret", new { secret = "%" + key[^64..] + "%" }));
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM api_keys WHERE key_hash = @hash", new { hash = ApiKeys.Hash(key[^64..]) }));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Roles_limit_what_a_key_may_do_and_refusals_are_audited(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var ticket = await host.Seed.TicketAsync();
        var deadLetter = await host.Seed.DeadLetterAsync();
        var viewer = await host.ClientAsync(AdminRoles.Viewer);
        var agent = await host.ClientAsync(AdminRoles.Agent);
        var admin = await host.ClientAsync(AdminRoles.Admin);

        await (await viewer.PatchJsonAsync($"/api/tickets/{ticket}", new { priority = "high" })).AssertProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, (await agent.PatchJsonAsync($"/api/tickets/{ticket}", new { priority = "high" })).StatusCode);
        await (await agent.PostAsync($"/api/dead-letters/{deadLetter}/replay", null)).AssertProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/dead-letters/{deadLetter}/replay", null)).StatusCode);

        var audit = await host.AuditAsync();
        Assert.Contains(audit, a => a is { Action: "ticket.update", Outcome: "forbidden", StatusCode: 403, Role: AdminRoles.Viewer } && a.Target == $"ticket:{ticket}");
        Assert.Contains(audit, a => a is { Action: "ticket.update", Outcome: "succeeded", Role: AdminRoles.Agent } && a.Detail == "priority normal -> high");
        Assert.Contains(audit, a => a is { Action: "dead_letter.replay", Outcome: "forbidden", Role: AdminRoles.Agent });
        Assert.Contains(audit, a => a is { Action: "dead_letter.replay", Outcome: "succeeded", Role: AdminRoles.Admin } && a.Actor.StartsWith("key:", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Too_many_requests_from_one_key_get_429_while_another_key_still_works(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres, new Dictionary<string, string?> { ["Admin:RateLimitPermits"] = "3" });
        var busy = await host.ClientAsync(AdminRoles.Viewer);
        var other = await host.ClientAsync(AdminRoles.Viewer);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await busy.GetAsync("/api/tickets")).StatusCode);
        }
        var limited = await busy.GetAsync("/api/tickets");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        await limited.AssertProblemAsync(429);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Anonymous().GetAsync("/health/live")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task OpenApi_needs_a_key_and_the_docs_page_uses_no_external_assets(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var viewer = await host.ClientAsync(AdminRoles.Viewer);

        await (await host.Anonymous().GetAsync("/openapi/v1.json")).AssertProblemAsync(401);
        var spec = await (await viewer.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var page = await host.Anonymous().GetStringAsync("/docs");
        var script = await host.Anonymous().GetStringAsync("/docs/docs.js");

        var paths = spec.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/tickets/{id}", paths);
        Assert.Contains("/api/emails/{id}/raw", paths);
        Assert.Contains("/api/dead-letters/{id}/replay", paths);
        Assert.True(spec.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        Assert.DoesNotContain("http", page.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/openapi/v1.json", script, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
    }
}
