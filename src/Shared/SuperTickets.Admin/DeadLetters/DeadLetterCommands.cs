using SuperTickets.Data;
using SuperTickets.Messaging;

namespace SuperTickets.Admin.DeadLetters;

/// <summary>Replays dead letters onto their topics through the outbox, in one transaction per request.</summary>
public sealed class DeadLetterCommands(
    DbSession session,
    IMessageUnitOfWork unitOfWork,
    DeadLetterStore deadLetters,
    TimeProvider clock,
    OutboxRelay? relay = null)
{
    /// <summary>Replays the given dead letters that are not replayed yet; returns the ids replayed.</summary>
    public async Task<IReadOnlyList<long>> ReplayAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        await unitOfWork.BeginAsync(ct);
        await using var transaction = unitOfWork;
        var replayed = new List<long>(ids.Count);
        foreach (var id in ids)
        {
            if (await deadLetters.ReplayAsync(id, session, unitOfWork, clock, ct))
            {
                replayed.Add(id);
            }
        }
        var committed = await unitOfWork.CommitAsync(ct);
        relay?.Dispatch(committed);
        return replayed;
    }
}
