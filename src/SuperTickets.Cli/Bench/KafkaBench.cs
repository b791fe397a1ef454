using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SuperTickets.Cli.Embedded;
using SuperTickets.Data;
using SuperTickets.Messaging.Kafka;
using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Respond;
using SuperTickets.Pipeline.Sla;
using SuperTickets.Pipeline.Triage;
using SuperTickets.ServiceDefaults;

namespace SuperTickets.Cli.Bench;

/// <summary>
/// End-to-end load over the production adapters: every stage in one process (as the embedded run composes them)
/// but talking through the dev broker (three in-memory Kafka-protocol brokers) and a throw-away PostgreSQL.
/// Warm-up emails go first (at least a few, so that every consumer group has joined before the clock starts); then the
/// bare transport round trip runs through the same brokers for comparison.
/// </summary>
public static class KafkaBench
{
    private const int Brokers = 3;
    /// <summary>At least this many warm-up emails, so that every consumer group has joined before the clock starts.</summary>
    private const int MinWarmUpEmails = 8;

    /// <summary>
    /// librdkafka settings for the bench clients. The dev broker answers a fetch only after <c>fetch.wait.max.ms</c>
    /// (500 ms by default) even when records are waiting, where a real broker answers at once; a short wait keeps
    /// that artefact out of the latency figures.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ClientSettings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fetch.wait.max.ms"] = "10",
    };

    /// <param name="consumers">Consumers per topic (<see cref="KafkaOptions.ConsumersPerTopic"/>).</param>
    /// <param name="workDirectory">Where the drop folders and outbox live (default: the system temp folder).</param>
    public static async Task<KafkaBenchResult> RunAsync(int count, int warmUp, int consumers, string samplesDirectory, string? workDirectory, CancellationToken ct)
    {
        var root = Path.Combine(workDirectory ?? Path.GetTempPath(), "supertickets-kbench-" + Guid.NewGuid().ToString("N")[..8]);
        var staging = Path.Combine(root, "staging");
        var inbox = Path.Combine(root, "inbox");
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(inbox);
        try
        {
            using var cluster = MockKafkaCluster.Start(Brokers);
            await using var postgres = await ThrowAwayPostgres.StartAsync(ct);
            foreach (var (name, content) in SyntheticEmails.Generate(count, seed: 42, DateTimeOffset.UtcNow))
            {
                await File.WriteAllBytesAsync(Path.Combine(staging, name), content, ct);
            }

            BenchResult pipeline;
            using (var host = Build(root, inbox, samplesDirectory, cluster.BootstrapServers, postgres.ConnectionString, consumers))
            {
                await host.StartAsync(ct);
                await BenchMeasurements.WarmUpAsync(host.Services, staging, inbox, Math.Max(warmUp, MinWarmUpEmails), ct);

                pipeline = await BenchMeasurements.RunMeasuredAsync(host.Services, staging, inbox, count, ct);
                await host.StopAsync(CancellationToken.None);
            }
            var roundTrip = await TransportRoundTrip.RunAsync(cluster.BootstrapServers, count, ct);
            return new KafkaBenchResult(pipeline, roundTrip, cluster.Brokers);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IHost Build(string root, string inbox, string samplesDirectory, string brokers, string connectionString, int consumers)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddInMemoryCollection(EmbeddedDefaults.For(Path.Combine(root, "data"), samplesDirectory));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
            ["Messaging:Transport"] = "Kafka",
            ["Kafka:BootstrapServers"] = brokers,
            ["Kafka:ClientId"] = "supertickets-bench",
            ["Kafka:ConsumersPerTopic"] = consumers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kafka:Settings:fetch.wait.max.ms"] = ClientSettings["fetch.wait.max.ms"],
            ["Ingest:DropFolders:0:Path"] = Path.Combine(root, "no-samples"),
            ["Ingest:DropFolders:1:Path"] = inbox,
            ["Ingest:BatchSize"] = "256",
            ["Sla:SweepInterval"] = "01:00:00",
            ["Mail:MaxAutoRepliesPerWindow"] = "1000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.AddPipelineCore();
        builder.AddSeeding();
        builder.AddConfiguredTransport();
        builder.AddIngestStage();
        builder.AddTriageStage();
        builder.AddResolveStage();
        builder.AddRespondStage();
        builder.AddSlaStage();
        return builder.Build();
    }
}
