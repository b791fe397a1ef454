using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Sla;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests.Sla;

/// <summary>
/// The SLA stage over a SQLite database seeded from samples/, driven by hand (no scheduler, no background
/// consumers). <see cref="RestartAsync"/> replaces the host with a new one on the same database.
/// </summary>
public sealed class SlaHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Origin = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "supertickets-sla-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly Dictionary<string, string?> _settings;
    private IHost _host = null!;

    private SlaHarness(Dictionary<string, string?> settings) => _settings = settings;

    public FixedClock Clock { get; } = new(Origin);

    public IServiceProvider Services => _host.Services;

    public static async Task<SlaHarness> CreateAsync(Dictionary<string, string?>? settings = null)
    {
        var harness = new SlaHarness(settings ?? []);
        await harness.StartHostAsync();
        await harness.Services.GetRequiredService<MailboxStore>().EnsureAsync("test", "drop-folder", "support@nimbus.example", default);
        return harness;
    }

    public async Task RestartAsync()
    {
        await StopHostAsync();
        await StartHostAsync();
    }

    public Task<int> SweepAsync() => Services.GetRequiredService<SlaSweeper>().SweepAsync(default);

    /// <summary>An open ticket created at <see cref="Origin"/> under <paramref name="policyId"/> with the given deadlines.</summary>
    public async Task<long> AddTicketAsync(string priority, string policyId, TimeSpan firstResponse, TimeSpan resolution)
    {
        await using var db = Open();
        await db.OpenAsync();
        var id = Guid.NewGuid().ToString("N");
        await db.ExecuteAsync("INSERT INTO raw_contents (sha256, size_bytes, content) VALUES (@id, 1, x'00')", new { id });
        var emailId = await db.ExecuteScalarAsync<long>("""
            INSERT INTO raw_emails (mailbox_id, dedupe_key, content_sha256, source_ref, status, received_at)
            VALUES ('test', @id, @id, @id, 'resolved', @at) RETURNING id
            """, new { id, at = Origin });
        var customerId = await db.ExecuteScalarAsync<long>(
            "INSERT INTO customers (email, tier, created_at) VALUES (@email, 'standard', @at) RETURNING id",
            new { email = $"customer-{id[..8]}@example.org", at = Origin });
        var ticketId = await db.ExecuteScalarAsync<long>("""
            INSERT INTO tickets (subject, customer_id, status, priority, category, channel, language, sentiment, smart_score,
                score_breakdown_json, sla_policy_id, root_email_id, created_at, updated_at)
            VALUES ('Printer on fire', @customerId, 'open', @priority, 'technical', 'email', 'en', 0, 0, '{}', @policyId, @emailId, @at, @at)
            RETURNING id
            """, new { customerId, priority, policyId, emailId, at = Origin });
        await db.ExecuteAsync("""
            INSERT INTO ticket_sla (ticket_id, policy_id, first_response_due, resolution_due, first_response_state, resolution_state, updated_at)
            VALUES (@ticketId, @policyId, @first, @resolution, 'ok', 'ok', @at)
            """, new { ticketId, policyId, first = Origin + firstResponse, resolution = Origin + resolution, at = Origin });
        return ticketId;
    }

    public async Task<int> CountAsync(string sql, object? args = null)
    {
        await using var db = Open();
        return await db.ExecuteScalarAsync<int>(sql, args);
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var db = Open();
        return (await db.ExecuteScalarAsync<T>(sql, args))!;
    }

    /// <summary>The SLA events the sweeps wrote to the outbox, in order.</summary>
    public async Task<IReadOnlyList<SlaEvent>> OutboxSlaEventsAsync()
    {
        await using var db = Open();
        var payloads = await db.QueryAsync<byte[]>("SELECT payload FROM outbox WHERE topic = @topic ORDER BY id", new { topic = Topics.SlaEvents });
        return payloads.Select(p => System.Text.Json.JsonSerializer.Deserialize<SlaEvent>(p, MessageSerializer.JsonOptions)!).ToList();
    }

    /// <summary>Runs the webhook consumer on the given events, through the real batch processor.</summary>
    public async Task<BatchOutcome> NotifyAsync(IReadOnlyList<SlaEvent> events)
    {
        var serializer = Services.GetRequiredService<MessageSerializer>();
        var processor = Services.GetServices<ConsumerRegistration>().Single(r => r.Topic == Topics.SlaEvents).CreateProcessor(Services);
        return await processor.ProcessAsync(events.Select(e => serializer.CreateEnvelope(Topics.SlaEvents, e.TicketNumber, e)).ToList(), 1, default);
    }

    public SqliteConnection Open() => new($"Data Source={Path.Combine(_root, "test.db")}");

    public async ValueTask DisposeAsync()
    {
        await StopHostAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private async Task StartHostAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_root, "test.db")}",
            ["Mail:SupportAddress"] = "support@nimbus.example",
            ["Mail:MessageIdDomain"] = "support.nimbus.example",
            ["Mail:OutboxDirectory"] = Path.Combine(_root, "outbox"),
            ["Seed:SlaPoliciesFile"] = Path.Combine(RepoPaths.Samples, "sla-policies.json"),
            ["Seed:AgentsFile"] = Path.Combine(RepoPaths.Samples, "agents.json"),
            ["Sla:Escalation:WebhookRetryDelay"] = "00:00:00.010",
        });
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.AddPipelineCore();
        builder.AddSeeding();
        builder.Services.AddInProcessTransport();
        builder.AddSlaStage();
        _host = builder.Build();
        await _host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(default);
        foreach (var service in _host.Services.GetServices<IHostedService>().OfType<SeedService>())
        {
            await service.StartAsync(default);
        }
    }

    private async Task StopHostAsync()
    {
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }
    }
}
