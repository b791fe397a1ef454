using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>audit_log: append-only record of admin actions.</summary>
public sealed class AuditLogStore(DbConnectionFactory factory)
{
    public async Task AddAsync(AuditRecord entry, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO audit_log (occurred_at, actor, role, action, target, outcome, status_code, detail)
            VALUES (@OccurredAt, @Actor, @Role, @Action, @Target, @Outcome, @StatusCode, @Detail)
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(sql, entry, ct));
    }

    /// <summary>Newest first, optionally for one actor or action.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ListAsync(string? actor, string? action, int limit, int offset, CancellationToken ct)
    {
        const string sql = """
            SELECT id, occurred_at, actor, role, action, target, outcome, status_code, detail FROM audit_log
            WHERE (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action = @action)
            ORDER BY id DESC LIMIT @limit OFFSET @offset
            """;
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<AuditRecord>(Sql.Cmd(sql, new { actor, action, limit, offset }, ct))).ToList();
    }
}
