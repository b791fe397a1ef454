namespace SuperTickets.Pipeline.Sla;

public sealed class SlaOptions
{
    public const string Section = "Sla";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tickets evaluated per transaction during a sweep.</summary>
    public int SweepBatchSize { get; set; } = 5000;
}
