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

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Sweep_over_many_open_tickets_fires_only_the_crossed_ones(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        using var host = await SlaSweepBench.StartHostAsync(provider, database.ConnectionString, RepoPaths.Samples, default);
        await SlaSweepBench.GenerateAsync(database.Factory, Tickets, default);
        var sweeper = host.Services.GetRequiredService<SlaSweeper>();

        var fired = await sweeper.SweepAsync(default);
        var again = await sweeper.SweepAsync(default);

        Assert.Equal(Tickets / 100, fired);
        Assert.Equal(0, again);
        Assert.Equal(Tickets / 100, await CountAsync(database, "SELECT COUNT(*) FROM ticket_sla WHERE first_response_state = 'at_risk'"));
        Assert.Equal(Tickets / 100, await CountAsync(database, "SELECT COUNT(*) FROM tickets WHERE priority = 'high'"));
    }

    private static async Task<int> CountAsync(TestDatabase database, string sql)
    {
        await using var db = await database.Factory.OpenAsync(default);
        return await db.ExecuteScalarAsync<int>(sql);
    }
}
