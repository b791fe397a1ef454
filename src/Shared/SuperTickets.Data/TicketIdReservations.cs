using Dapper;

namespace SuperTickets.Data;

/// <summary>
/// Hands out ticket ids before the transaction that creates the tickets, so that what carries a ticket number (an
/// acknowledgement, an automatic answer) can be written outside the write lock. The ids come from the sequence the
/// inserts use, so a reserved id is never given to another ticket, and an id reserved but not used is a gap, never a
/// clash.
/// <list type="bullet">
/// <item>PostgreSQL: <c>nextval</c> of the identity's sequence, on a pooled connection outside any transaction.</item>
/// <item>SQLite: a block of <see cref="SqliteBlock"/> at a time, taken by raising <c>sqlite_sequence</c> in a short
/// write transaction of its own (AUTOINCREMENT never hands out an id at or below it), and served from memory.</item>
/// </list>
/// </summary>
public sealed class TicketIdReservations(DbConnectionFactory factory)
{
    /// <summary>Ids raised per SQLite reservation: one short write transaction per this many new tickets.</summary>
    public const int SqliteBlock = 256;

    private readonly SemaphoreSlim _refill = new(1, 1);
    private long _next = 1;
    private long _end; // exclusive: the pool is empty when _next >= _end

    /// <summary><paramref name="count"/> unused ticket ids, ascending.</summary>
    public async Task<IReadOnlyList<long>> ReserveAsync(int count, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }
        if (factory.Provider == DbProvider.Postgres)
        {
            await using var connection = await factory.OpenAsync(ct);
            return (await connection.QueryAsync<long>(Sql.Cmd(
                "SELECT nextval(pg_get_serial_sequence('tickets', 'id')) FROM generate_series(1, @count) ORDER BY 1", new { count }, ct))).ToList();
        }
        await _refill.WaitAsync(ct);
        try
        {
            var ids = new List<long>(count);
            while (ids.Count < count)
            {
                if (_next >= _end)
                {
                    var block = Math.Max(SqliteBlock, count - ids.Count);
                    var mark = await RaiseSqliteSequenceAsync(block, ct);
                    (_next, _end) = (mark - block + 1, mark + 1);
                }
                ids.Add(_next++);
            }
            return ids;
        }
        finally
        {
            _refill.Release();
        }
    }

    /// <summary>Raises the tickets' AUTOINCREMENT high-water mark by <paramref name="by"/> and returns the new mark.</summary>
    private async Task<long> RaiseSqliteSequenceAsync(int by, CancellationToken ct)
    {
        // The mark is at least the largest id: sqlite_sequence has no row before the first insert, and a row inserted
        // with an explicit id above the mark raises it only when that insert commits.
        const string raise = """
            UPDATE sqlite_sequence SET seq = MAX(seq, COALESCE((SELECT MAX(id) FROM tickets), 0)) + @by
            WHERE name = 'tickets' RETURNING seq
            """;
        const string first = """
            INSERT INTO sqlite_sequence (name, seq) VALUES ('tickets', COALESCE((SELECT MAX(id) FROM tickets), 0) + @by) RETURNING seq
            """;
        await using var session = new DbSession(factory);
        await session.BeginAsync(ct);
        var mark = await session.Connection.ExecuteScalarAsync<long?>(session.Cmd(raise, new { by }, ct))
            ?? await session.Connection.ExecuteScalarAsync<long>(session.Cmd(first, new { by }, ct));
        await session.CommitAsync(ct);
        return mark;
    }
}
