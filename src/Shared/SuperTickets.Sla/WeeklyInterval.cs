namespace SuperTickets.Sla;

/// <summary>
/// Opening hours on one day of the week, in local wall-clock time: <see cref="Start"/> inclusive,
/// <see cref="End"/> exclusive. <see cref="End"/> may be 24:00 (<c>TimeSpan.FromDays(1)</c>).
/// </summary>
public readonly record struct WeeklyInterval(DayOfWeek Day, TimeSpan Start, TimeSpan End)
{
    /// <summary>Length of the interval in wall-clock time.</summary>
    public TimeSpan Length => End - Start;
}
