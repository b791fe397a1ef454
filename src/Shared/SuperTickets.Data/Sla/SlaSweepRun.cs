namespace SuperTickets.Data.Sla;

/// <summary>One executed SLA sweep: which scheduler node ran it, for which scheduled fire time, and what it fired.</summary>
public sealed record SlaSweepRun
{
    public long Id { get; init; }
    public string InstanceId { get; init; } = "";
    public DateTimeOffset ScheduledAt { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset FinishedAt { get; init; }
    public int Fired { get; init; }
}
