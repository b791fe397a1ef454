using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>Dead-letter inspection and purging (replay itself is <see cref="DeadLetterStore.ReplayAsync"/>).</summary>
public sealed class DeadLetterAdminStore(DbConnectionFactory factory)
{
    public async Task<DeadLetterDetail?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DeadLetterDetail>(Sql.Cmd("""
            SELECT id, message_id, topic, msg_key, message_type, headers_json, payload, consumer_group, exception_type,
                   exception_message, attempts, original_partition, original_offset, first_failed_at, failed_at, replayed_at
            FROM dead_letters WHERE id = @id
            """, new { id }, ct));
    }

    public async Task<IReadOnlyList<long>> PendingIdsAsync(int limit, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<long>(Sql.Cmd(
            "SELECT id FROM dead_letters WHERE replayed_at IS NULL ORDER BY id LIMIT @limit", new { limit }, ct))).ToList();
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        return await connection.ExecuteAsync(Sql.Cmd("DELETE FROM dead_letters WHERE id = @id", new { id }, ct)) == 1;
    }

    /// <summary>Deletes replayed dead letters, or every dead letter when <paramref name="includePending"/>; returns the count.</summary>
    public async Task<int> PurgeAsync(bool includePending, CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        return await connection.ExecuteAsync(Sql.Cmd(
            includePending ? "DELETE FROM dead_letters" : "DELETE FROM dead_letters WHERE replayed_at IS NOT NULL", null, ct));
    }
}
