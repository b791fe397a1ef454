namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>A time the calendar is taken: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct BusyInterval(DateTimeOffset Start, DateTimeOffset End);
