namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>Without a calendar provider: the next weekday at 15:00 UTC at least a day ahead, for 30 minutes.</summary>
public sealed class DefaultMeetingSlotFinder : IMeetingSlotFinder
{
    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(30);

    public static MeetingSlot Propose(DateTimeOffset now) => new(IcsInvitation.ProposeSlot(now), Duration);

    public Task<MeetingSlot> FindAsync(DateTimeOffset now, CancellationToken ct) => Task.FromResult(Propose(now));
}
