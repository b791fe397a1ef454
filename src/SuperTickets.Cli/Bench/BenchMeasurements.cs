using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Data;
using SuperTickets.Pipeline.Respond;

namespace SuperTickets.Cli.Bench;

/// <summary>
/// What a load run measures, read from the database: the synthetic emails (files named <c>load-*</c>) answered,
/// and per email the latency from pick-up to its first reply sent. Works on either provider.
/// </summary>
public static class BenchMeasurements
{
    /// <summary>
    /// The timed part of a load run: moves the staged <c>load-*</c> emails into the drop folder at once, waits until each
    /// has its reply sent, and measures wall-clock time and this process's CPU time (all threads) over that window.
    /// </summary>
    public static async Task<BenchResult> RunMeasuredAsync(IServiceProvider services, string staging, string inbox, int count, CancellationToken ct)
    {
        var factory = services.GetRequiredService<DbConnectionFactory>();
        using var replies = RepliesOf(services);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var collections = GC.CollectionCount(0);
        var paused = GC.GetTotalPauseDuration();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        foreach (var file in Directory.EnumerateFiles(staging, "load-*.eml"))
        {
            File.Move(file, Path.Combine(inbox, Path.GetFileName(file)));
        }
        await WaitForRepliesAsync(factory, replies, count, ct);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        collections = GC.CollectionCount(0) - collections;
        return await MeasureAsync(factory, count, clock.Elapsed, ct) with
        {
            CpuMsPerEmail = Math.Round(cpu.TotalMilliseconds / count, 3),
            AllocatedKbPerEmail = Math.Round(allocated / 1024.0 / count, 1),
            GarbageCollections = collections,
            GcPauseMs = Math.Round((GC.GetTotalPauseDuration() - paused).TotalMilliseconds, 1),
            JitMs = Math.Round((System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds, 1),
            JitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods,
        };
    }

    /// <summary>
    /// Waits until every synthetic email has its reply sent. Waiting must not load the machine it measures: the respond
    /// stage's committed-message count (an in-process metric) is watched, and the exact join is asked only once that
    /// count says it may be done.
    /// </summary>
    private static async Task WaitForRepliesAsync(DbConnectionFactory factory, HandledCounter replies, int count, CancellationToken ct)
    {
        var target = (long)count;
        while (true)
        {
            await replies.WaitForAsync(target, ct);
            await using var connection = await factory.OpenAsync(ct);
            var answered = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                SELECT COUNT(DISTINCT o.ticket_id)
                FROM outbound_emails o JOIN tickets t ON t.id = o.ticket_id JOIN raw_emails r ON r.id = t.root_email_id
                WHERE o.status = 'sent' AND r.source_ref LIKE 'load-%'
                """, cancellationToken: ct));
            if (answered >= count)
            {
                return;
            }
            // Some replies were not the first of their email (or not for a load email): each unanswered email needs one more.
            target = replies.Count + (count - answered);
        }
    }

    /// <summary>Replies the respond stage of the host behind <paramref name="services"/> commits from now on.</summary>
    private static HandledCounter RepliesOf(IServiceProvider services) =>
        new(services.GetRequiredService<IMeterFactory>(), RespondStageExtensions.ConsumerGroup);

    /// <summary>
    /// Pushes at least <paramref name="emails"/> synthetic emails (files <c>warm-*</c>, other Message-IDs than the measured
    /// ones) through the pipeline and waits for their replies, so that consumer-group joins, JIT compilation and other
    /// first-use costs of a freshly started process are not timed. Tiered compilation goes on recompiling hot methods for
    /// seconds after their first calls, so further rounds of <see cref="WarmUpRoundEmails"/> follow until a round spends
    /// less than <see cref="SettledJitShare"/> of its wall-clock time in the JIT (at most <see cref="MaxWarmUpRounds"/>).
    /// </summary>
    public static async Task WarmUpAsync(IServiceProvider services, string staging, string inbox, int emails, CancellationToken ct)
    {
        using var replies = RepliesOf(services);
        var sent = 0L;
        for (var round = 0; round <= MaxWarmUpRounds; round++)
        {
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var clock = Stopwatch.StartNew();
            var count = round == 0 ? emails : WarmUpRoundEmails;
            var prefix = $"warm{round}-";
            foreach (var (name, content) in SyntheticEmails.Generate(count, seed: 1 + round, DateTimeOffset.UtcNow))
            {
                await File.WriteAllBytesAsync(Path.Combine(staging, prefix + name), content, ct);
            }
            foreach (var file in Directory.EnumerateFiles(staging, prefix + "*.eml"))
            {
                File.Move(file, Path.Combine(inbox, Path.GetFileName(file)));
            }
            sent += count;
            await replies.WaitForAsync(sent, ct);
            var share = (System.Runtime.JitInfo.GetCompilationTime() - jit) / clock.Elapsed;
            if (share < SettledJitShare)
            {
                return;
            }
        }
    }

    /// <summary>Emails per warm-up round after the first.</summary>
    public const int WarmUpRoundEmails = 1_000;

    /// <summary>The share of a round's wall-clock time spent compiling below which the JIT counts as settled.</summary>
    public const double SettledJitShare = 0.01;

    /// <summary>Warm-up rounds after the first, at most: a process whose JIT never settles is measured anyway.</summary>
    public const int MaxWarmUpRounds = 20;

    public static async Task<BenchResult> MeasureAsync(DbConnectionFactory factory, int count, TimeSpan elapsed, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        var rows = await connection.QueryAsync<(DateTimeOffset ReceivedAt, DateTimeOffset SentAt)>(new CommandDefinition("""
            SELECT r.received_at, MIN(o.sent_at)
            FROM outbound_emails o JOIN tickets t ON t.id = o.ticket_id JOIN raw_emails r ON r.id = t.root_email_id
            WHERE o.status = 'sent' AND r.source_ref LIKE 'load-%'
            GROUP BY r.id, r.received_at
            """, cancellationToken: ct));
        var latencies = rows.Select(r => (r.SentAt - r.ReceivedAt).TotalMilliseconds).Order().ToArray();
        var tickets = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*) FROM tickets t JOIN raw_emails r ON r.id = t.root_email_id WHERE r.source_ref LIKE 'load-%'
            """, cancellationToken: ct));
        var replies = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*)
            FROM outbound_emails o JOIN tickets t ON t.id = o.ticket_id JOIN raw_emails r ON r.id = t.root_email_id
            WHERE o.status = 'sent' AND r.source_ref LIKE 'load-%'
            """, cancellationToken: ct));
        return new BenchResult(count, Math.Round(elapsed.TotalSeconds, 3), Math.Round(count / elapsed.TotalSeconds, 1),
            Percentile(latencies, 0.50), Percentile(latencies, 0.95), Percentile(latencies, 0.99), tickets, replies);
    }

    /// <summary>The value below which <paramref name="p"/> of the sorted samples fall (nearest rank), rounded to 0.1.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
