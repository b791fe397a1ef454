using Dapper;

namespace SuperTickets.Data;

/// <summary>Composed outgoing mail, keyed by an idempotency key so a retried decision never makes a second email.</summary>
public sealed class OutboundEmailStore(DbConnectionFactory factory)
{
    private readonly CommitBatch<(long Id, DateTimeOffset At)> _sent = new(WriteSentAsync);

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

    /// <summary>
    /// Automatic (not agent-written) emails to each of these addresses (lower case) since <paramref name="since"/>, in one
    /// statement: the loop guard. Addresses without any are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> CountAutomaticSinceManyAsync(DbSession session, IReadOnlyCollection<string> toAddresses, DateTimeOffset since, CancellationToken ct)
    {
        if (toAddresses.Count == 0)
        {
            return new Dictionary<string, int>(StringComparer.Ordinal);
        }
        var rows = await session.Connection.QueryAsync<(string ToAddress, long Count)>(session.Cmd(
            "SELECT to_address, COUNT(*) FROM outbound_emails WHERE to_address " + Sql.InArg(session.Provider, "toAddresses") +
            " AND created_at >= @since AND kind <> 'agent_reply' GROUP BY to_address",
            new { toAddresses = Sql.ListArg(session.Provider, toAddresses.Distinct(StringComparer.Ordinal)), since }, ct));
        return rows.ToDictionary(r => r.ToAddress, r => (int)r.Count, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyDictionary<long, OutboundEmailRecord>> GetManyAsync(DbSession session, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await session.Connection.QueryAsync<OutboundEmailRecord>(session.Cmd(
            "SELECT id, ticket_id, kind, idempotency_key, to_address, subject, message_id, content, status, created_at, sent_at FROM outbound_emails WHERE id " + Sql.InArg(session.Provider, "ids"),
            new { ids = Sql.ListArg(session.Provider, ids) }, ct));
        return rows.ToDictionary(r => r.Id);
    }

    /// <summary>
    /// Marks the email sent when the session commits, one statement per instant for the whole batch (a batch passes
    /// one instant for all its emails). Nothing in the sending transaction reads the mark back.
    /// </summary>
    public void MarkSentOnCommit(DbSession session, long id, DateTimeOffset at) => _sent.Add(session, (id, at));

    private static async Task WriteSentAsync(DbSession session, IReadOnlyList<(long Id, DateTimeOffset At)> sent, CancellationToken ct)
    {
        foreach (var group in sent.GroupBy(s => s.At))
        {
            await session.Connection.ExecuteAsync(session.Cmd(
                "UPDATE outbound_emails SET status = 'sent', sent_at = @at WHERE id " + Sql.InArg(session.Provider, "ids") + " AND status <> 'sent'",
                new { at = group.Key, ids = Sql.ListArg(session.Provider, group.Select(s => s.Id)) }, ct));
        }
    }

    public async Task<IReadOnlyList<OutboundEmailRecord>> ListForTicketAsync(long ticketId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<OutboundEmailRecord>(Sql.Cmd(
            "SELECT id, ticket_id, kind, idempotency_key, to_address, subject, message_id, content, status, created_at, sent_at FROM outbound_emails WHERE ticket_id = @ticketId ORDER BY id",
            new { ticketId }, ct))).ToList();
    }
}
