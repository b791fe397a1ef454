namespace SuperTickets.Pipeline.Sla;

/// <summary>Opening hours on one day of the week: <c>{"day":"monday","start":"09:00","end":"17:00"}</c>.</summary>
public sealed record OpeningHours(string? Day, string? Start, string? End);
