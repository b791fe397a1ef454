using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Sla;
using SuperTickets.Testing;
using Xunit.Abstractions;

namespace SuperTickets.Pipeline.Tests.Sla;

/// <summary>
/// A measured sweep over 100,000 open tickets generated in SQL: the first sweep fires (and escalates) 1% of them,
/// the second is the steady state where nothing fires. Times are written to the test output.
/// </summary>
public sealed class SlaSweepScaleTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const int Tickets = 100_000;
    private static readonly DateTimeOffset Origin = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.Postgres)]
    public async Task Sweep_over_a_hundred_thousand_open_tickets_fires_only_the_crossed_ones(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres);
        using var host = await BuildAsync(database);
        await GenerateAsync(database);
        var sweeper = host.Services.GetRequiredService<SlaSweeper>();

        var firstTime = Stopwatch.StartNew();
        var fired = await sweeper.SweepAsync(default);
        firstTime.Stop();
        var steadyTime = Stopwatch.StartNew();
        var again = await sweeper.SweepAsync(default);
        steadyTime.Stop();

        output.WriteLine($"{provider}: {Tickets:N0} open tickets; first sweep {firstTime.ElapsedMilliseconds} ms ({fired} thresholds fired and escalated), steady sweep {steadyTime.ElapsedMilliseconds} ms ({again} fired)");
        Assert.Equal(Tickets / 100, fired);
        Assert.Equal(0, again);
        Assert.True(steadyTime.Elapsed < TimeSpan.FromSeconds(10), $"steady sweep took {steadyTime.Elapsed}");
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

    /// <summary>One customer and root email; every 100th ticket is past 80% of its first-response target.</summary>
    private static async Task GenerateAsync(TestDatabase database)
    {
        await using var db = await database.Factory.OpenAsync(default);
        await using var transaction = await db.BeginTransactionAsync();
        await db.ExecuteAsync("""
            INSERT INTO mailboxes (id, kind, address, updated_at) VALUES ('bench', 'drop-folder', 'support@nimbus.example', @at);
            INSERT INTO raw_contents (sha256, size_bytes, content) VALUES ('bench', 1, @content);
            INSERT INTO raw_emails (mailbox_id, dedupe_key, content_sha256, source_ref, status, received_at)
            VALUES ('bench', 'bench', 'bench', 'bench', 'resolved', @at);
            INSERT INTO customers (email, tier, created_at) VALUES ('bench@example.org', 'standard', @at);
            """, new { at = Origin, content = new byte[] { 0 } }, transaction);
        var sql = database.Provider == DbProvider.Postgres
            ? """
              INSERT INTO tickets (subject, customer_id, status, priority, category, channel, language, sentiment, smart_score,
                  score_breakdown_json, sla_policy_id, root_email_id, created_at, updated_at)
              SELECT 'Ticket ' || i, (SELECT min(id) FROM customers), 'open', 'normal', 'general', 'email', 'en', 0, 0, '{}', 'normal',
                  (SELECT min(id) FROM raw_emails), @at, @at
              FROM generate_series(1, @count) AS i;
              INSERT INTO ticket_sla (ticket_id, policy_id, first_response_due, resolution_due, first_response_state, resolution_state, updated_at)
              SELECT id, 'normal',
                  CASE WHEN id % 100 = 0 THEN @at + interval '72 minutes' ELSE @at + (10 + id % 50) * interval '1 hour' END,
                  @at + interval '100 hours', 'ok', 'ok', @at
              FROM tickets;
              """
            : """
              WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
              INSERT INTO tickets (subject, customer_id, status, priority, category, channel, language, sentiment, smart_score,
                  score_breakdown_json, sla_policy_id, root_email_id, created_at, updated_at)
              SELECT 'Ticket ' || i, (SELECT min(id) FROM customers), 'open', 'normal', 'general', 'email', 'en', 0, 0, '{}', 'normal',
                  (SELECT min(id) FROM raw_emails), @at, @at
              FROM n;
              INSERT INTO ticket_sla (ticket_id, policy_id, first_response_due, resolution_due, first_response_state, resolution_state, updated_at)
              SELECT id, 'normal',
                  CASE WHEN id % 100 = 0 THEN strftime('%Y-%m-%d %H:%M:%S+00:00', @start, '+72 minutes')
                       ELSE strftime('%Y-%m-%d %H:%M:%S+00:00', @start, '+' || (10 + id % 50) || ' hours') END,
                  strftime('%Y-%m-%d %H:%M:%S+00:00', @start, '+100 hours'), 'ok', 'ok', @at
              FROM tickets;
              """;
        await db.ExecuteAsync(new CommandDefinition(sql, new { at = Origin, start = Origin.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss"), count = Tickets },
            transaction, commandTimeout: 120));
        await transaction.CommitAsync();
    }
}
