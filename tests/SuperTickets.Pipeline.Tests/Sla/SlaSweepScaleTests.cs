using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Sla;
using SuperTickets.Cli.Bench;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests.Sla;

/// <summary>
/// A sweep over many open tickets generated in SQL (the data of <c>supertickets bench sla</c>, which times it): the
/// first sweep fires (and escalates) exactly the 1 % that crossed a threshold, the second fires nothing.
/// </summary>
public sealed class SlaSweepScaleTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const int Tickets = 20_000;
    private static readonly DateTimeOffset Origin = SlaSweepBench.Origin;

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Sweep_over_many_open_tickets_fires_only_the_crossed_ones(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        using var host = await BuildAsync(database);
        await SlaSweepBench.GenerateAsync(database.Factory, Tickets, default);
        var sweeper = host.Services.GetRequiredService<SlaSweeper>();

        var fired = await sweeper.SweepAsync(default);
        var again = await sweeper.SweepAsync(default);

        Assert.Equal(Tickets / 100, fired);
        Assert.Equal(0, again);
        Assert.Equal(Tickets / 100, await CountAsync(database, "SELECT COUNT(*) FROM ticket_sla WHERE first_response_state = 'at_risk'"));
        Assert.Equal(Tickets / 100, await CountAsync(database, "SELECT COUNT(*) FROM tickets WHERE priority = 'high'"));
    }

    private static async Task<IHost> BuildAsync(TestDatabase database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Mail:SupportAddress"] = "support@nimbus.example",
            ["Mail:MessageIdDomain"] = "support.nimbus.example",
            ["Seed:SlaPoliciesFile"] = Path.Combine(RepoPaths.Samples, "sla-policies.json"),
            ["Sla:Escalation:NotifyAddress"] = "escalations@nimbus.example",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(Origin.AddHours(1)));
        builder.AddPipelineCore();
        builder.AddSeeding();
        builder.Services.AddInProcessTransport();
        builder.AddSlaStage();
        var host = builder.Build();
        foreach (var service in host.Services.GetServices<IHostedService>().OfType<SeedService>())
        {
            await service.StartAsync(default);
        }
        return host;
    }

    private static async Task<int> CountAsync(TestDatabase database, string sql)
    {
        await using var db = await database.Factory.OpenAsync(default);
        return await db.ExecuteScalarAsync<int>(sql);
    }
}
