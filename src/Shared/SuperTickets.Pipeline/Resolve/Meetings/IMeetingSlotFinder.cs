namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>
/// Chooses the slot offered to a customer who asked for a call. Runs in the resolve stage's prepare phase (outside
/// the transaction), so it may call remote services; it always answers with a slot, falling back when it must.
/// </summary>
public interface IMeetingSlotFinder
{
    Task<MeetingSlot> FindAsync(DateTimeOffset now, CancellationToken ct);
}
