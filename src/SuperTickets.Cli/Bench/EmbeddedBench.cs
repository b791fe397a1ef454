using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Cli.Embedded;
using SuperTickets.Data;
using SuperTickets.Pipeline.Hosting;

namespace SuperTickets.Cli.Bench;

/// <summary>
/// End-to-end load on the embedded pipeline: N synthetic emails land in the drop folder at once; the clock
/// stops when every one has been triaged, resolved and answered. Latency is per email, from pick-up to reply sent.
/// Warm-up emails go through first, untimed: the figure is the sustained rate of a process that has been running.
/// </summary>
public static class EmbeddedBench
{
    /// <param name="workDirectory">Where the database, drop folders and outbox live (default: the system temp folder).</param>
    /// <param name="keep">Leave the run's folder in place (<see cref="BenchResult.WorkDirectory"/>) instead of deleting it.</param>
    public static async Task<BenchResult> RunAsync(int count, int warmUp, string samplesDirectory, string? workDirectory, bool keep, CancellationToken ct)
    {
        var root = Path.Combine(workDirectory ?? Path.GetTempPath(), "supertickets-bench-" + Guid.NewGuid().ToString("N")[..8]);
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
                Directory.CreateDirectory(inbox);
                if (warmUp > 0)
                {
                    await BenchMeasurements.WarmUpAsync(app.Services, staging, inbox, warmUp, ct);
                }

                var result = await BenchMeasurements.RunMeasuredAsync(app.Services, staging, inbox, count, ct);
                await app.StopAsync(CancellationToken.None);
                return result with { WorkDirectory = root };
            }
        }
        finally
        {
            if (!keep)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
