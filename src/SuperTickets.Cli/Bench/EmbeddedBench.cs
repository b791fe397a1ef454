using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Cli.Embedded;
using SuperTickets.Data;
using SuperTickets.Pipeline.Hosting;

namespace SuperTickets.Cli.Bench;

/// <summary>
/// End-to-end load on the embedded pipeline: N synthetic emails land in the drop folder at once; the clock
/// stops when every one has been triaged, resolved and answered. Latency is per email, from pick-up to reply sent.
/// </summary>
public static class EmbeddedBench
{
    public static async Task<BenchResult> RunAsync(int count, string samplesDirectory, CancellationToken ct)
    {
        var root = Path.Combine(Path.GetTempPath(), "supertickets-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var staging = Path.Combine(root, "staging");
        var inbox = Path.Combine(root, "inbox");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (name, content) in SyntheticEmails.Generate(count, seed: 42, DateTimeOffset.UtcNow))
            {
                await File.WriteAllBytesAsync(Path.Combine(staging, name), content, ct);
            }
            var overrides = new Dictionary<string, string?>
            {
                ["Ingest:DropFolders:0:Path"] = Path.Combine(root, "no-samples"),
                ["Ingest:DropFolders:1:Path"] = inbox,
                ["Ingest:BatchSize"] = "256",
                ["Sla:SweepInterval"] = "01:00:00",
                ["Mail:MaxAutoRepliesPerWindow"] = "1000",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            var app = EmbeddedHost.Build(new EmbeddedRunSettings(Path.Combine(root, "data"), samplesDirectory, "http://127.0.0.1:0", []) { Overrides = overrides });
            await using (app)
            {
                await app.StartAsync(ct);
                var probe = app.Services.GetRequiredService<PipelineIdleProbe>();
                await probe.WaitForIdleAsync(TimeSpan.FromMinutes(1), ct);

                var clock = Stopwatch.StartNew();
                Directory.CreateDirectory(inbox);
                foreach (var file in Directory.EnumerateFiles(staging))
                {
                    File.Move(file, Path.Combine(inbox, Path.GetFileName(file)));
                }
                await WaitForRepliesAsync(app.Services.GetRequiredService<DbConnectionFactory>(), count, ct);
                clock.Stop();
                var result = await MeasureAsync(app.Services.GetRequiredService<DbConnectionFactory>(), count, clock.Elapsed, ct);
                await app.StopAsync(CancellationToken.None);
                return result;
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task WaitForRepliesAsync(DbConnectionFactory factory, int count, CancellationToken ct)
    {
        while (true)
        {
            await using var connection = await factory.OpenAsync(ct);
            var answered = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(DISTINCT ticket_id) FROM outbound_emails WHERE status = 'sent'", cancellationToken: ct));
            if (answered >= count)
            {
                return;
            }
            await Task.Delay(20, ct);
        }
    }

    private static async Task<BenchResult> MeasureAsync(DbConnectionFactory factory, int count, TimeSpan elapsed, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        var rows = await connection.QueryAsync<(DateTimeOffset ReceivedAt, DateTimeOffset SentAt)>(new CommandDefinition("""
            SELECT r.received_at, MIN(o.sent_at)
            FROM outbound_emails o JOIN tickets t ON t.id = o.ticket_id JOIN raw_emails r ON r.id = t.root_email_id
            WHERE o.status = 'sent'
            GROUP BY r.id, r.received_at
            """, cancellationToken: ct));
        var latencies = rows.Select(r => (r.SentAt - r.ReceivedAt).TotalMilliseconds).Order().ToArray();
        var tickets = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM tickets", cancellationToken: ct));
        var replies = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM outbound_emails WHERE status = 'sent'", cancellationToken: ct));
        return new BenchResult(count, Math.Round(elapsed.TotalSeconds, 3), Math.Round(count / elapsed.TotalSeconds, 1),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), tickets, replies);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
