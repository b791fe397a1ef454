namespace SuperTickets.Pipeline.Sla;

public sealed class SlaOptions
{
    public const string Section = "Sla";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tickets evaluated per transaction during a sweep.</summary>
    public int SweepBatchSize { get; set; } = 5000;

    /// <summary>What happens when a threshold fires (<c>Sla:Escalation</c>).</summary>
    public SlaEscalationOptions Escalation { get; set; } = new();

    /// <summary>Where the sweep schedule lives (<c>Sla:Scheduler</c>).</summary>
    public SlaSchedulerOptions Scheduler { get; set; } = new();
}
