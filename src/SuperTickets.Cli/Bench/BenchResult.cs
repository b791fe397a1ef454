namespace SuperTickets.Cli.Bench;

public sealed record BenchResult(int Emails, double Seconds, double EmailsPerSecond, double P50Ms, double P95Ms, double P99Ms, long Tickets, long Replies)
{
    /// <summary>This process's CPU time (user + system, all threads) over the measured window, per email.</summary>
    public double CpuMsPerEmail { get; init; }

    /// <summary>Managed memory allocated by this process over the measured window (all threads), per email.</summary>
    public double AllocatedKbPerEmail { get; init; }

    /// <summary>Garbage collections (all generations) over the measured window.</summary>
    public int GarbageCollections { get; init; }

    /// <summary>Time the garbage collector had the process paused over the measured window.</summary>
    public double GcPauseMs { get; init; }

    /// <summary>Time the JIT compiler spent (all threads) over the measured window: tiering still at work in a young process.</summary>
    public double JitMs { get; init; }

    /// <summary>Methods the JIT compiled (first compilations and tier-up recompilations) over the measured window.</summary>
    public long JitMethods { get; init; }

    /// <summary>The run's folder (embedded runs).</summary>
    public string? WorkDirectory { get; init; }
}
