using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>Stored-email reads and rewrites for inspection and reprocessing.</summary>
public sealed class EmailAdminStore(DbConnectionFactory factory)
{
    public Task<RawEmailDetail?> GetRawAsync(DbSession session, long id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<RawEmailDetail>(session.Cmd("""
            SELECT r.id, r.mailbox_id, r.message_id, r.content_sha256, r.source_ref, r.status, r.quarantine_reason, r.received_at, c.content
            FROM raw_emails r JOIN raw_contents c ON c.sha256 = r.content_sha256 WHERE r.id = @id
            """, new { id }, ct));

    public async Task<RawEmailRecord?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RawEmailRecord>(Sql.Cmd("""
            SELECT r.id, r.mailbox_id, r.message_id, r.source_ref, r.status, r.quarantine_reason, r.received_at, c.size_bytes
            FROM raw_emails r JOIN raw_contents c ON c.sha256 = r.content_sha256 WHERE r.id = @id
            """, new { id }, ct));
    }

    /// <summary>Removes the parsed view so a fresh parse can be stored in its place.</summary>
    public Task DeleteParsedAsync(DbSession session, long id, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd("DELETE FROM parsed_emails WHERE raw_email_id = @id", new { id }, ct));

    /// <summary>Ids of emails in <paramref name="status"/>, oldest first.</summary>
    public async Task<IReadOnlyList<long>> IdsWithStatusAsync(string status, int limit, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<long>(Sql.Cmd(
            "SELECT id FROM raw_emails WHERE status = @status ORDER BY id LIMIT @limit", new { status, limit }, ct))).ToList();
    }

    public async Task<Page<RawEmailRecord>> ListAsync(string? status, string? mailboxId, int limit, int offset, CancellationToken ct)
    {
        const string where = " WHERE (@status IS NULL OR r.status = @status) AND (@mailboxId IS NULL OR r.mailbox_id = @mailboxId)";
        await using var connection = await factory.OpenAsync(ct);
        var items = (await connection.QueryAsync<RawEmailRecord>(Sql.Cmd("""
            SELECT r.id, r.mailbox_id, r.message_id, r.source_ref, r.status, r.quarantine_reason, r.received_at, c.size_bytes
            FROM raw_emails r JOIN raw_contents c ON c.sha256 = r.content_sha256
            """ + where + " ORDER BY r.id DESC LIMIT @limit OFFSET @offset", new { status, mailboxId, limit, offset }, ct))).ToList();
        var total = await connection.ExecuteScalarAsync<long>(Sql.Cmd("SELECT COUNT(*) FROM raw_emails r" + where, new { status, mailboxId }, ct));
        return new Page<RawEmailRecord>(items, total);
    }
}
