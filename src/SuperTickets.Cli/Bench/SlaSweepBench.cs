using System.Diagnostics;
using System.Globalization;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Sla;

namespace SuperTickets.Cli.Bench;

/// <summary>
/// The SLA sweep over many open tickets: N tickets under the sample policies, every 100th past the warning point of
/// its first-response target. The first sweep marks and escalates those (priority bump, lead, email, events in the
/// outbox); the following sweeps are the steady state, where nothing new fires.
/// </summary>
public static class SlaSweepBench
{
    /// <summary>The instant the generated tickets were opened; sweeps run one hour later.</summary>
    public static readonly DateTimeOffset Origin = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    public sealed record Result(string Provider, int Tickets, double FirstSweepMs, int Fired, double SteadyMedianMs, double SteadyMaxMs, int SteadyFired);

    public static async Task<Result> RunAsync(DbProvider provider, int tickets, string samplesDirectory, int steadySweeps, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetTempPath(), "supertickets-sla-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        ThrowAwayPostgres? postgres = null;
        try
        {
            string connectionString;
            if (provider == DbProvider.Postgres)
            {
                postgres = await ThrowAwayPostgres.StartAsync(ct);
                connectionString = postgres.ConnectionString;
            }
            else
            {
                connectionString = $"Data Source={Path.Combine(root, "bench.db")}";
            }
            using var host = await StartHostAsync(provider, connectionString, samplesDirectory, ct);
            await GenerateAsync(host.Services.GetRequiredService<DbConnectionFactory>(), tickets, ct);
            var sweeper = host.Services.GetRequiredService<SlaSweeper>();

            var clock = Stopwatch.StartNew();
            var fired = await sweeper.SweepAsync(ct);
            var first = clock.Elapsed.TotalMilliseconds;
            var steady = new List<double>();
            var steadyFired = 0;
            for (var i = 0; i < steadySweeps; i++)
            {
                clock.Restart();
                steadyFired += await sweeper.SweepAsync(ct);
                steady.Add(clock.Elapsed.TotalMilliseconds);
            }
            steady.Sort();
            await host.StopAsync(CancellationToken.None);
            return new Result(provider.ToString(), tickets, first, fired, steady.Count == 0 ? 0 : steady[steady.Count / 2], steady.LastOrDefault(), steadyFired);
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Adds <paramref name="tickets"/> open tickets of priority normal opened at <see cref="Origin"/> (one customer, one root
    /// email), each with an SLA clock: every 100th has its first response due 72 minutes after opening, so an hour later it
    /// is past 80 % of its target; the others are due 10 to 59 hours out.
    /// </summary>
    public static async Task GenerateAsync(DbConnectionFactory factory, int tickets, CancellationToken ct)
    {
        await using var db = await factory.OpenAsync(ct);
        await using var transaction = await db.BeginTransactionAsync(ct);
        await db.ExecuteAsync(new CommandDefinition("""
            INSERT INTO mailboxes (id, kind, address, updated_at) VALUES ('bench', 'drop-folder', 'support@nimbus.example', @at);
            INSERT INTO raw_contents (sha256, size_bytes, content) VALUES ('bench', 1, @content);
            INSERT INTO raw_emails (mailbox_id, dedupe_key, content_sha256, source_ref, status, received_at)
            VALUES ('bench', 'bench', 'bench', 'bench', 'resolved', @at);
            INSERT INTO customers (email, tier, created_at) VALUES ('bench@example.org', 'standard', @at);
            """, new { at = Origin, content = new byte[] { 0 } }, transaction, cancellationToken: ct));
        var sql = factory.Provider == DbProvider.Postgres
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
              ANALYZE tickets;
              ANALYZE ticket_sla;
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
              ANALYZE;
              """;
        await db.ExecuteAsync(new CommandDefinition(sql, new
        {
            at = Origin,
            start = Origin.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            count = tickets,
        }, transaction, commandTimeout: 600, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    /// <summary>The SLA stage on a database (migrated and seeded from the samples), clock fixed an hour after <see cref="Origin"/>.</summary>
    public static async Task<IHost> StartHostAsync(DbProvider provider, string connectionString, string samplesDirectory, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Mail:SupportAddress"] = "support@nimbus.example",
            ["Mail:MessageIdDomain"] = "support.nimbus.example",
            ["Seed:SlaPoliciesFile"] = Path.Combine(samplesDirectory, "sla-policies.json"),
            ["Seed:AgentsFile"] = Path.Combine(samplesDirectory, "agents.json"),
            ["Sla:Escalation:NotifyAddress"] = "escalations@nimbus.example",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Origin.AddHours(1)));
        builder.AddPipelineCore();
        builder.AddSeeding();
        builder.Services.AddInProcessTransport();
        builder.AddSlaStage();
        var host = builder.Build();
        // Migrations and seeding only: the scheduler and consumers stay off so that each sweep is timed alone.
        foreach (var service in host.Services.GetServices<IHostedService>().Where(s => s is DatabaseMigrationService or SeedService))
        {
            await service.StartAsync(ct);
        }
        return host;
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
