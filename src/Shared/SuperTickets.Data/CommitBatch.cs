using System.Runtime.CompilerServices;

namespace SuperTickets.Data;

/// <summary>
/// Writes a session collects and runs together just before it commits (they vanish with a rollback), so that a batch
/// of messages costs one statement per chunk instead of one per message. Only for writes nothing in the same
/// transaction reads back.
/// </summary>
internal sealed class CommitBatch<T>(Func<DbSession, IReadOnlyList<T>, CancellationToken, Task> flush)
{
    private readonly ConditionalWeakTable<DbSession, List<T>> _pending = [];

    public void Add(DbSession session, T item)
    {
        var pending = _pending.GetValue(session, _ => []);
        if (pending.Count == 0)
        {
            session.BeforeCommit(FlushAsync);
        }
        pending.Add(item);
    }

    private async Task FlushAsync(DbSession session, CancellationToken ct)
    {
        if (_pending.TryGetValue(session, out var pending))
        {
            _pending.Remove(session);
            await flush(session, pending, ct);
        }
    }
}
