using Dapper;

namespace SuperTickets.Data;

/// <summary>Composed outgoing mail, keyed by an idempotency key so a retried decision never makes a second email.</summary>
public sealed class OutboundEmailStore(DbConnectionFactory factory)
{
    /// <summary>Stores the email unless its idempotency key exists; returns the new id, or null when it already existed.</summary>
    public Task<long?> TryInsertAsync(DbSession session, OutboundEmailRecord email, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO outbound_emails (ticket_id, kind, idempotency_key, to_address, subject, message_id, content, status, created_at)
            VALUES (@TicketId, @Kind, @IdempotencyKey, @ToAddress, @Subject, @MessageId, @Content, 'pending', @CreatedAt)
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """;
        return session.Connection.ExecuteScalarAsync<long?>(session.Cmd(sql, email, ct));
    }

    public Task<OutboundEmailRecord?> GetAsync(DbSession session, long id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<OutboundEmailRecord>(session.Cmd(
            "SELECT id, ticket_id, kind, idempotency_key, to_address, subject, message_id, content, status, created_at, sent_at FROM outbound_emails WHERE id = @id",
            new { id }, ct));

    /// <summary>Automatic (not agent-written) emails to this address since <paramref name="since"/>: the loop guard.</summary>
    public Task<int> CountAutomaticSinceAsync(DbSession session, string toAddress, DateTimeOffset since, CancellationToken ct) =>
        session.Connection.ExecuteScalarAsync<int>(session.Cmd(
            "SELECT COUNT(*) FROM outbound_emails WHERE to_address = @toAddress AND created_at >= @since AND kind <> 'agent_reply'",
            new { toAddress, since }, ct));

    public async Task<IReadOnlyDictionary<long, OutboundEmailRecord>> GetManyAsync(DbSession session, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await session.Connection.QueryAsync<OutboundEmailRecord>(session.Cmd(
            "SELECT id, ticket_id, kind, idempotency_key, to_address, subject, message_id, content, status, created_at, sent_at FROM outbound_emails WHERE id " + Sql.InList(session.Provider, "ids"),
            new { ids = ids.ToArray() }, ct));
        return rows.ToDictionary(r => r.Id);
    }

    public Task MarkSentAsync(DbSession session, long id, DateTimeOffset at, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE outbound_emails SET status = 'sent', sent_at = @at WHERE id = @id AND status <> 'sent'", new { id, at }, ct));

    public async Task<IReadOnlyList<OutboundEmailRecord>> ListForTicketAsync(long ticketId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<OutboundEmailRecord>(Sql.Cmd(
            "SELECT id, ticket_id, kind, idempotency_key, to_address, subject, message_id, content, status, created_at, sent_at FROM outbound_emails WHERE ticket_id = @ticketId ORDER BY id",
            new { ticketId }, ct))).ToList();
    }
}
