namespace SuperTickets.Pipeline.Sla;

/// <summary>The sweep scheduler: in memory (one node) or clustered on the PostgreSQL job store.</summary>
public sealed class SlaSchedulerOptions
{
    /// <summary>Share the schedule between SLA workers through Quartz's PostgreSQL tables.</summary>
    public bool Clustered { get; set; }

    /// <summary>Scheduler name; nodes with the same name form one cluster.</summary>
    public string Name { get; set; } = "supertickets-sla";

    /// <summary>How often a clustered node checks in; a node silent for longer is presumed dead and its work recovered.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}
