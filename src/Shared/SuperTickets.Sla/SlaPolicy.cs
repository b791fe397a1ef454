namespace SuperTickets.Sla;

/// <summary>
/// Response and resolution targets for tickets of one priority, optionally narrowed to a category and/or a
/// customer tier. Targets are measured in business time of the policy's calendar when
/// <see cref="UseBusinessHours"/> is set, otherwise in elapsed (24x7) time.
/// </summary>
public sealed record SlaPolicy
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>One of <see cref="SlaPriority"/>; matched case-insensitively.</summary>
    public required string Priority { get; init; }

    /// <summary>When set, the policy applies only to tickets of this category.</summary>
    public string? Category { get; init; }

    /// <summary>When set, the policy applies only to customers of this tier.</summary>
    public string? CustomerTier { get; init; }

    /// <summary>Time allowed until the first agent response; zero means no first-response target.</summary>
    public required TimeSpan FirstResponse { get; init; }

    /// <summary>Time allowed until the ticket is solved; zero means no resolution target.</summary>
    public required TimeSpan Resolution { get; init; }

    /// <summary>Fraction of a target after which the target is at risk; in (0, 1].</summary>
    public double WarningFraction { get; init; } = 0.8;

    public bool UseBusinessHours { get; init; }

    /// <summary>Calendar for business hours; null means the default calendar.</summary>
    public string? CalendarId { get; init; }

    /// <summary>A disabled policy is never chosen by priority and stops escalations of tickets that carry it.</summary>
    public bool Enabled { get; init; } = true;

    public SlaReopenRule ReopenRule { get; init; } = SlaReopenRule.Resume;

    /// <summary>The at-risk threshold for a target: <paramref name="target"/> times <see cref="WarningFraction"/>.</summary>
    public TimeSpan WarningFor(TimeSpan target) => TimeSpan.FromTicks((long)Math.Round(target.Ticks * WarningFraction));
}
