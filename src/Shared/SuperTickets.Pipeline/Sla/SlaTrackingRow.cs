namespace SuperTickets.Pipeline.Sla;

internal sealed record SlaTrackingRow
{
    public long TicketId { get; init; }
    public string PolicyId { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset FirstResponseDue { get; init; }
    public DateTimeOffset ResolutionDue { get; init; }
    public string FirstResponseState { get; init; } = "ok";
    public string ResolutionState { get; init; } = "ok";
    public long PausedSeconds { get; init; }
    public string FiredThresholds { get; init; } = "";
    public double WarningFraction { get; init; } = 0.8;
    public bool Enabled { get; init; } = true;
    public string Status { get; init; } = "open";
    public string Priority { get; init; } = "normal";
    public string Category { get; init; } = "general";
    public long? AssigneeId { get; init; }
}
