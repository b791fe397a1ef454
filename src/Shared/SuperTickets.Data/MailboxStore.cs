using Dapper;

namespace SuperTickets.Data;

public sealed class MailboxStore(DbConnectionFactory factory, TimeProvider clock)
{
    public async Task EnsureAsync(string id, string kind, string address, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO mailboxes (id, kind, address, status, updated_at) VALUES (@id, @kind, @address, 'active', @now)
            ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, address = excluded.address
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(sql, new { id, kind, address, now = clock.GetUtcNow() }, ct));
    }

    public async Task<string?> GetCheckpointAsync(string id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(Sql.Cmd("SELECT checkpoint FROM mailboxes WHERE id = @id", new { id }, ct));
    }

    public Task SetCheckpointAsync(DbSession session, string id, string checkpoint, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE mailboxes SET checkpoint = @checkpoint, last_polled_at = @now, updated_at = @now WHERE id = @id",
            new { id, checkpoint, now = clock.GetUtcNow() }, ct));

    public async Task SetStatusAsync(string id, string status, string? lastError, CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(
            "UPDATE mailboxes SET status = @status, last_error = @lastError, updated_at = @now WHERE id = @id",
            new { id, status, lastError, now = clock.GetUtcNow() }, ct));
    }

    /// <summary>A poller's view of its health ("active" or "degraded"); never overrides an admin's pause.</summary>
    public async Task ReportHealthAsync(string id, string? error, CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(
            "UPDATE mailboxes SET status = @status, last_error = @error, updated_at = @now WHERE id = @id AND status <> 'paused'",
            new { id, status = error is null ? "active" : "degraded", error, now = clock.GetUtcNow() }, ct));
    }

    public async Task<bool> IsPausedAsync(string id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(Sql.Cmd("SELECT status FROM mailboxes WHERE id = @id", new { id }, ct)) == "paused";
    }

    public async Task<IReadOnlyList<MailboxRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<MailboxRecord>(Sql.Cmd(
            "SELECT id, kind, address, status, checkpoint, last_error, last_polled_at, updated_at FROM mailboxes ORDER BY id", null, ct))).ToList();
    }
}
