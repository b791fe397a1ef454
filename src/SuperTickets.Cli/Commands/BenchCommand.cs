using System.CommandLine;
using System.Text.Json;
using SuperTickets.Cli.Bench;
using SuperTickets.Data;
using SuperTickets.Messaging.Kafka;

namespace SuperTickets.Cli.Commands;

/// <summary>
/// <c>supertickets bench [--transport inprocess|kafka] [--emails N] [--json]</c>: end-to-end throughput and latency of
/// the pipeline, embedded (in-process transport, SQLite) or over Kafka and PostgreSQL (dev broker, throw-away cluster).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var emails = new Option<int>("--emails") { Description = "How many synthetic emails to push through.", DefaultValueFactory = _ => 10_000 };
        var warmUp = new Option<int>("--warmup")
        {
            Description = "Synthetic emails pushed through, untimed, before the measured ones (JIT compilation, first-use costs, consumer-group joins).",
            DefaultValueFactory = _ => 2_000,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var samples = new Option<string>("--samples") { Description = "Samples folder (knowledge base, agents, SLA policies).", DefaultValueFactory = _ => "samples" };
        var transport = new Option<string>("--transport")
        {
            Description = "inprocess (embedded: SQLite) or kafka (dev broker + throw-away PostgreSQL, all stages in one process).",
            DefaultValueFactory = _ => "inprocess",
        };
        transport.AcceptOnlyFromAmong("inprocess", "kafka");
        var workDir = new Option<string?>("--work-dir")
        {
            Description = "Folder for the drop folders and outbox, and for the embedded run's database (default: the system temp folder). " +
                "Creating files is the costliest system call of the drop-folder pipeline, so the file system matters.",
        };
        var keep = new Option<bool>("--keep")
        {
            Description = "Embedded run: leave the run's folder (database, mail) in place instead of deleting it. On ext4 without a journal, " +
                "files created within minutes of a mass deletion cost several times more, so back-to-back runs that delete penalize the next one.",
        };
        var consumers = new Option<int>("--consumers")
        {
            Description = "Kafka run: consumers per topic (Kafka:ConsumersPerTopic), as if that many worker processes of each stage ran.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("bench", "Measure the pipeline end to end: emails/s and per-email latency.") { emails, warmUp, json, samples, transport, workDir, keep, consumers, CreateSla() };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(emails);
            if (count < 1)
            {
                Console.Error.WriteLine("--emails must be at least 1.");
                return 2;
            }
            if (parse.GetValue(warmUp) < 0)
            {
                Console.Error.WriteLine("--warmup must not be negative.");
                return 2;
            }
            if (parse.GetValue(consumers) is < 1 or > KafkaOptions.MaxConsumersPerTopic)
            {
                Console.Error.WriteLine($"--consumers must be between 1 and {KafkaOptions.MaxConsumersPerTopic}.");
                return 2;
            }
            if (parse.GetValue(transport) == "kafka")
            {
                return await RunKafkaAsync(count, parse.GetValue(warmUp), parse.GetValue(consumers), parse.GetValue(samples)!, parse.GetValue(workDir), parse.GetValue(json), ct);
            }
            var result = await EmbeddedBench.RunAsync(count, parse.GetValue(warmUp), parse.GetValue(samples)!, parse.GetValue(workDir), parse.GetValue(keep), ct);
            if (parse.GetValue(keep))
            {
                Console.Error.WriteLine($"Run folder kept: {result.WorkDirectory}");
            }
            Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(ToJson(result, "inprocess")) : Describe(result));
            return 0;
        });
        return command;
    }

    /// <summary><c>supertickets bench sla [--tickets N] [--provider sqlite|postgres] [--json]</c>: one SLA sweep over N open tickets.</summary>
    private static Command CreateSla()
    {
        var tickets = new Option<int>("--tickets") { Description = "How many open tickets to sweep.", DefaultValueFactory = _ => 100_000 };
        var provider = new Option<string>("--provider") { Description = "sqlite or postgres (a throw-away cluster).", DefaultValueFactory = _ => "sqlite" };
        provider.AcceptOnlyFromAmong("sqlite", "postgres");
        var sweeps = new Option<int>("--steady-sweeps") { Description = "Sweeps timed after the first.", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var samples = new Option<string>("--samples") { Description = "Samples folder (SLA policies, agents).", DefaultValueFactory = _ => "samples" };
        var command = new Command("sla", "Time the SLA sweep over many open tickets (1 % of them crossing a threshold).") { tickets, provider, sweeps, json, samples };
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(tickets) < 100)
            {
                Console.Error.WriteLine("--tickets must be at least 100.");
                return 2;
            }
            var which = parse.GetValue(provider) == "postgres" ? DbProvider.Postgres : DbProvider.Sqlite;
            var result = await SlaSweepBench.RunAsync(which, parse.GetValue(tickets), parse.GetValue(samples)!, Math.Max(0, parse.GetValue(sweeps)), ct);
            Console.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(result)
                : $"{result.Provider}: {result.Tickets:N0} open tickets; first sweep {result.FirstSweepMs:F0} ms ({result.Fired} thresholds fired and escalated); " +
                  $"steady sweep median {result.SteadyMedianMs:F0} ms, max {result.SteadyMaxMs:F0} ms ({result.SteadyFired} fired).");
            return 0;
        });
        return command;
    }

    private static async Task<int> RunKafkaAsync(int count, int warmUp, int consumers, string samples, string? workDirectory, bool json, CancellationToken ct)
    {
        KafkaBenchResult result;
        try
        {
            result = await KafkaBench.RunAsync(count, warmUp, consumers, samples, workDirectory, ct);
        }
        catch (Exception ex) when (ex is KafkaNativeLibraryException or InvalidOperationException)
        {
            Console.Error.WriteLine($"The Kafka bench could not start: {ex.Message}");
            return 1;
        }
        var roundTrip = result.RoundTrip;
        if (json)
        {
            var output = ToJson(result.Pipeline, "kafka");
            output["brokers"] = result.Brokers;
            output["consumersPerTopic"] = consumers;
            output["roundTrip"] = new Dictionary<string, object>
            {
                ["messages"] = roundTrip.Messages,
                ["seconds"] = roundTrip.Seconds,
                ["messagesPerSecond"] = roundTrip.MessagesPerSecond,
                ["p50Ms"] = roundTrip.P50Ms,
                ["p95Ms"] = roundTrip.P95Ms,
                ["p99Ms"] = roundTrip.P99Ms,
            };
            Console.WriteLine(JsonSerializer.Serialize(output));
            return 0;
        }
        Console.WriteLine($"Pipeline over Kafka ({result.Brokers} dev brokers, {consumers} consumer(s) per topic) and PostgreSQL: {Describe(result.Pipeline)}");
        Console.WriteLine($"Transport round trip (no database, the ceiling): {roundTrip.Messages} messages in {roundTrip.Seconds:F2} s: " +
            $"{roundTrip.MessagesPerSecond:F0} messages/s; latency p50 {roundTrip.P50Ms} ms, p95 {roundTrip.P95Ms} ms, p99 {roundTrip.P99Ms} ms.");
        return 0;
    }

    private static Dictionary<string, object> ToJson(BenchResult result, string transport) => new()
    {
        ["transport"] = transport,
        ["emails"] = result.Emails,
        ["seconds"] = result.Seconds,
        ["emailsPerSecond"] = result.EmailsPerSecond,
        ["p50Ms"] = result.P50Ms,
        ["p95Ms"] = result.P95Ms,
        ["p99Ms"] = result.P99Ms,
        ["tickets"] = result.Tickets,
        ["replies"] = result.Replies,
        ["cpuMsPerEmail"] = result.CpuMsPerEmail,
        ["allocatedKbPerEmail"] = result.AllocatedKbPerEmail,
        ["garbageCollections"] = result.GarbageCollections,
        ["gcPauseMs"] = result.GcPauseMs,
        ["jitMs"] = result.JitMs,
        ["jitMethods"] = result.JitMethods,
    };

    private static string Describe(BenchResult result) =>
        $"{result.Emails} emails in {result.Seconds:F2} s: {result.EmailsPerSecond:F0} emails/s; latency p50 {result.P50Ms} ms, p95 {result.P95Ms} ms, p99 {result.P99Ms} ms; {result.Tickets} tickets, {result.Replies} replies sent; {result.CpuMsPerEmail} ms of CPU and {result.AllocatedKbPerEmail} KB allocated per email, {result.GarbageCollections} garbage collections pausing {result.GcPauseMs} ms; {result.JitMethods} methods JIT-compiled in {result.JitMs} ms.";
}
