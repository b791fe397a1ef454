namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>A proposed support call: when it starts (UTC) and how long it lasts.</summary>
public sealed record MeetingSlot(DateTimeOffset Start, TimeSpan Duration);
