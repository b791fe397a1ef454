using System.Net;
using Microsoft.Extensions.Configuration;
using SuperTickets.Cli.Commands;
using SuperTickets.Data;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

[Collection(PostgresCollection.Name)]
public sealed class ApiKeyCommandTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Created_key_is_the_last_line_printed_and_opens_the_api_with_its_role(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = host.Database.ConnectionString,
        }).Build();
        var output = new StringWriter();

        var exit = await ApiKeyCommand.CreateKeyAsync(configuration, "viewer", "dashboards", output, TextWriter.Null, default);

        Assert.Equal(0, exit);
        var key = output.ToString().TrimEnd().Split('\n')[^1].Trim();
        Assert.StartsWith("stk_", key, StringComparison.Ordinal);
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/dead-letters/replay", null)).StatusCode);
        Assert.Equal(1, await host.CountAsync("SELECT COUNT(*) FROM api_keys WHERE name = 'dashboards' AND role = 'viewer'"));
    }

    [Fact]
    public async Task Default_configuration_is_the_embedded_sqlite_file_migrated_first()
    {
        var data = Path.Combine(Path.GetTempPath(), "supertickets-keys-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var output = new StringWriter();
            var exit = await ApiKeyCommand.CreateKeyAsync(ApiKeyCommand.Configuration(data), "admin", null, output, TextWriter.Null, default);

            Assert.Equal(0, exit);
            Assert.True(File.Exists(Path.Combine(data, "supertickets.db")));
            Assert.Matches("^stk_[0-9a-f]{16}_[0-9a-f]{64}$", output.ToString().TrimEnd().Split('\n')[^1].Trim());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }
}
