namespace SuperTickets.Data;

public sealed record SlaPolicyRecord
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Priority { get; init; } = "";
    public string? Category { get; init; }
    public string? CustomerTier { get; init; }
    public int FirstResponseMinutes { get; init; }
    public int ResolutionMinutes { get; init; }
    public double WarningFraction { get; init; } = 0.8;
    public bool UseBusinessHours { get; init; }
    public string? CalendarId { get; init; }
    public bool Enabled { get; init; } = true;
    public DateTimeOffset UpdatedAt { get; init; }
}
