namespace SuperTickets.Sla;

/// <summary>The ticket priorities SLA policies are written for. Matching is case-insensitive.</summary>
public static class SlaPriority
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
    public const string Urgent = "urgent";
}
