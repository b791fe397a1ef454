namespace SuperTickets.Data.Admin;

public sealed record TicketSlaRecord
{
    public long TicketId { get; init; }
    public string PolicyId { get; init; } = "";
    public DateTimeOffset FirstResponseDue { get; init; }
    public DateTimeOffset ResolutionDue { get; init; }
    public string FirstResponseState { get; init; } = "";
    public string ResolutionState { get; init; } = "";
    public DateTimeOffset? PausedAt { get; init; }
    public long PausedSeconds { get; init; }
}
