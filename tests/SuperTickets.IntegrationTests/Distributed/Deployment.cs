using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Npgsql;
using SuperTickets.Cli.Bench;
using SuperTickets.Data;
using SuperTickets.Messaging.Kafka;
using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>
/// A distributed deployment for one test: a three-broker mock Kafka cluster in the test process, a fresh migrated
/// PostgreSQL database, drop folders for mail in and out, and worker processes started on demand.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private readonly List<WorkerProcess> _workers = [];
    private readonly TestDatabase _database;
    private int _emails;

    private Deployment(MockKafkaCluster cluster, TestDatabase database, string root)
    {
        Cluster = cluster;
        _database = database;
        Root = root;
        Inbox = Directory.CreateDirectory(Path.Combine(root, "inbox")).FullName;
        Outbox = Directory.CreateDirectory(Path.Combine(root, "outbox")).FullName;
        Logs = Directory.CreateDirectory(Path.Combine(root, "logs")).FullName;
    }

    public MockKafkaCluster Cluster { get; }

    public string Brokers => Cluster.BootstrapServers;

    public string ConnectionString => _database.ConnectionString;

    public string Root { get; }

    public string Inbox { get; }

    public string Outbox { get; }

    public string Logs { get; }

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    public static async Task<Deployment> StartAsync(PostgresServer postgres)
    {
        var root = Path.Combine(Path.GetTempPath(), "supertickets-dist-" + Guid.NewGuid().ToString("N")[..8]);
        var database = await TestDatabase.CreateAsync(DbProvider.Postgres, postgres);
        var deployment = new Deployment(MockKafkaCluster.Start(brokers: 3), database, root);
        var (exit, output) = await deployment.RunCliAsync("seed", "--samples", RepoPaths.Samples);
        Assert.True(exit == 0, output);
        return deployment;
    }

    /// <summary>Runs the <c>supertickets</c> command against this deployment's database; returns its exit code and output.</summary>
    public async Task<(int Exit, string Output)> RunCliAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(WorkerProcess.DllOf("SuperTickets.Cli", "supertickets"));
        foreach (var argument in arguments.Concat(["--provider", "postgres", "--connection", ConnectionString]))
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts a worker (<c>Ingest.Worker</c>, ...) or <c>Admin.Api</c> and waits until it is ready.</summary>
    public async Task<WorkerProcess> StartAsync(string project, string? name = null, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = Environment();
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var worker = WorkerProcess.Start(project, name ?? project, $"http://127.0.0.1:{FreePort()}", environment, Logs);
        _workers.Add(worker);
        await worker.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return worker;
    }

    /// <summary>Puts synthetic support emails into the inbox, each file appearing whole (written aside, then moved).</summary>
    public void DropEmails(int count)
    {
        var staging = Directory.CreateDirectory(Path.Combine(Root, "staging")).FullName;
        var first = _emails;
        _emails += count;
        foreach (var (name, content) in SyntheticEmails.Generate(_emails, seed: 7, DateTimeOffset.UtcNow).Skip(first))
        {
            var file = Path.Combine(staging, name);
            File.WriteAllBytes(file, content);
            File.Move(file, Path.Combine(Inbox, name));
        }
    }

    public void DropEmail(string name, string content)
    {
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "staging")).FullName, name);
        File.WriteAllText(file, content);
        File.Move(file, Path.Combine(Inbox, name));
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.ExecuteAsync(sql);
    }

    public int OutboxFiles => Directory.GetFiles(Outbox, "*.eml").Length;

    /// <summary>Polls <paramref name="condition"/> until it holds; on timeout fails with every worker's last output.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.\n{string.Join("\n", _workers.Select(w => w.Tail()))}");
            }
            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }
        Cluster.Dispose();
        await _database.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        ["Database__Provider"] = "Postgres",
        ["Database__ConnectionString"] = ConnectionString,
        ["Kafka__BootstrapServers"] = Brokers,
        ["Kafka__RetryDelays__0"] = "00:00:00.500",
        ["Kafka__DrainTimeout"] = "00:00:03",
        ["Kafka__Settings__session.timeout.ms"] = "6000",
        ["Kafka__Settings__heartbeat.interval.ms"] = "500",
        ["Kafka__Settings__fetch.wait.max.ms"] = "100",
        ["Messaging__RelayLease"] = "00:00:05",
        ["Messaging__RelaySweepInterval"] = "00:00:01",
        ["Mail__SupportAddress"] = "support@nimbus.example",
        ["Mail__MessageIdDomain"] = "support.nimbus.example",
        ["Mail__OutboxDirectory"] = Outbox,
        ["Mail__MaxAutoRepliesPerWindow"] = "1000",
        ["Ingest__DropFolders__0__Id"] = "inbox",
        ["Ingest__DropFolders__0__Path"] = Inbox,
        ["Ingest__DropFolders__0__Address"] = "support@nimbus.example",
        ["Ingest__DropFolders__0__Consume"] = "true",
        ["Ingest__PollInterval"] = "00:00:00.100",
        ["Sla__SweepInterval"] = "00:00:05",
        ["Logging__LogLevel__Default"] = "Information",
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
