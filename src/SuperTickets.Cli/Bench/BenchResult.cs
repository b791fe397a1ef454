namespace SuperTickets.Cli.Bench;

public sealed record BenchResult(int Emails, double Seconds, double EmailsPerSecond, double P50Ms, double P95Ms, double P99Ms, long Tickets, long Replies)
{
    /// <summary>This process's CPU time (user + system, all threads) over the measured window, per email.</summary>
    public double CpuMsPerEmail { get; init; }
}
