using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Respond;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests;

/// <summary>
/// The real ingest service and resolve handler over a fresh SQLite database seeded from samples/, driven one
/// message at a time (no background consumers), so each decision branch can be checked in the database.
/// </summary>
public sealed class ResolveHarness : IAsyncDisposable
{
    private readonly string _root;
    private readonly IHost _host;
    private readonly MessageSerializer _serializer;
    private int _files;

    private ResolveHarness(IHost host, string root)
    {
        _host = host;
        _root = root;
        _serializer = host.Services.GetRequiredService<MessageSerializer>();
    }

    public IServiceProvider Services => _host.Services;

    /// <param name="clock">The clock of the pipeline; the system clock when null.</param>
    /// <param name="services">Registrations made after the stages' own, replacing theirs.</param>
    public static async Task<ResolveHarness> CreateAsync(Dictionary<string, string?>? settings = null, TimeProvider? clock = null,
        Action<IServiceCollection>? services = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "supertickets-resolve-" + Guid.NewGuid().ToString("N")[..8]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings(root));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }
        builder.AddPipelineCore();
        builder.AddSeeding();
        builder.Services.AddInProcessTransport();
        builder.AddIngestStage();
        builder.AddResolveStage();
        builder.AddRespondStage();
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(default);
        foreach (var service in host.Services.GetServices<IHostedService>().OfType<SeedService>())
        {
            await service.StartAsync(default);
        }
        await host.Services.GetRequiredService<MailboxStore>().EnsureAsync("test", "drop-folder", "support@nimbus.example", default);
        return new ResolveHarness(host, root);
    }

    /// <summary>The harness's settings: SQLite and the outbox folder under <paramref name="root"/>, reference data from samples/.</summary>
    public static Dictionary<string, string?> Settings(string root) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(root, "test.db")}",
        ["Mail:SupportAddress"] = "support@nimbus.example",
        ["Mail:MessageIdDomain"] = "support.nimbus.example",
        ["Mail:OutboxDirectory"] = Path.Combine(root, "outbox"),
        ["Seed:KnowledgeBaseDirectory"] = Path.Combine(RepoPaths.Samples, "kb"),
        ["Seed:SlaPoliciesFile"] = Path.Combine(RepoPaths.Samples, "sla-policies.json"),
        ["Seed:AgentsFile"] = Path.Combine(RepoPaths.Samples, "agents.json"),
    };

    /// <summary>Stores one email as the ingest stage would; returns its id.</summary>
    public async Task<long> IngestAsync(string rawMessage)
    {
        var name = $"mail-{Interlocked.Increment(ref _files)}.eml";
        var outcome = await Services.GetRequiredService<IngestService>().StoreAsync(
            [new IncomingMail("test", name, System.Text.Encoding.UTF8.GetBytes(rawMessage.ReplaceLineEndings("\r\n")))], null, default);
        Assert.Equal(IngestOutcome.Stored, outcome[0]);
        await using var db = Open();
        return await db.ExecuteScalarAsync<long>("SELECT id FROM raw_emails WHERE source_ref = @name", new { name });
    }

    /// <summary>Runs the resolve stage on one triage verdict, through the real batch processor.</summary>
    public Task ResolveAsync(EmailTriaged triaged) => ResolveBatchAsync([triaged]);

    /// <summary>Runs the resolve stage on these verdicts as ONE batch (one transaction), through the real batch processor.</summary>
    public async Task ResolveBatchAsync(IReadOnlyList<EmailTriaged> batch)
    {
        var registration = Services.GetServices<ConsumerRegistration>().Single(r => r.Topic == Topics.EmailTriaged);
        var processor = registration.CreateProcessor(Services);
        var envelopes = batch.Select(t => _serializer.CreateEnvelope(Topics.EmailTriaged, t.ConversationKey, t)).ToList();
        var outcome = await processor.ProcessAsync(envelopes, 1, default);
        Assert.Null(outcome.Failure);
        Assert.Equal(batch.Count, outcome.Succeeded);
    }

    /// <summary>Runs the respond stage on every reply requested so far.</summary>
    public async Task RespondAllAsync()
    {
        await using var db = Open();
        var pending = await db.QueryAsync<(long Id, long TicketId, string Kind, string Key)>(
            "SELECT id, ticket_id, kind, idempotency_key FROM outbound_emails WHERE status = 'pending' ORDER BY id");
        var processor = Services.GetServices<ConsumerRegistration>().Single(r => r.Topic == Topics.ReplyRequested).CreateProcessor(Services);
        var envelopes = pending.Select(p => _serializer.CreateEnvelope(Topics.ReplyRequested, "k", new ReplyRequested(p.Id, p.TicketId, p.Kind, p.Key))).ToList();
        if (envelopes.Count > 0)
        {
            Assert.Null((await processor.ProcessAsync(envelopes, 1, default)).Failure);
        }
    }

    public static EmailTriaged Verdict(long emailId, string category = "general", string priority = "normal", double sentiment = 0,
        string? noise = null, bool meeting = false, string language = "en") =>
        new(emailId, $"conv-{emailId}", category, 0.9, false, null, priority, [], sentiment, language, noise, null, meeting, []);

    public SqliteConnection Open() => new($"Data Source={Path.Combine(_root, "test.db")}");

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable host)
        {
            await host.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }
}
