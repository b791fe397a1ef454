using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>Ticket queries and updates the admin API needs beyond <see cref="TicketStore"/>.</summary>
public sealed class TicketAdminStore(DbConnectionFactory factory)
{
    private const string Select = """
        SELECT t.id, t.subject, t.customer_id, c.email AS customer_email, c.name AS customer_name, t.status, t.priority,
               t.category, t.intent, t.channel, t.language, t.sentiment, t.assignee_id, t.smart_score, t.score_breakdown_json,
               t.sla_policy_id, t.root_email_id, t.root_message_id, t.created_at, t.updated_at, t.first_response_at, t.solved_at
        FROM tickets t JOIN customers c ON c.id = t.customer_id
        LEFT JOIN ticket_sla s ON s.ticket_id = t.id
        """;

    private const string Where = """
         WHERE (@Status IS NULL OR t.status = @Status)
           AND (@Priority IS NULL OR t.priority = @Priority)
           AND (@Category IS NULL OR t.category = @Category)
           AND (@AssigneeId IS NULL OR t.assignee_id = @AssigneeId)
           AND (@Unassigned = FALSE OR t.assignee_id IS NULL)
        """;

    private const string SmartOrder = """
         ORDER BY CASE t.status WHEN 'new' THEN 0 WHEN 'open' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END,
                  t.smart_score DESC, s.first_response_due ASC NULLS LAST, t.id
        """;

    public async Task<Page<TicketRecord>> ListAsync(TicketFilter filter, CancellationToken ct)
    {
        var sql = Select + Where + (filter.SmartOrder ? SmartOrder : " ORDER BY t.id DESC") + " LIMIT @Limit OFFSET @Offset";
        await using var connection = await factory.OpenAsync(ct);
        var items = (await connection.QueryAsync<TicketRecord>(Sql.Cmd(sql, filter, ct))).ToList();
        var total = await connection.ExecuteScalarAsync<long>(Sql.Cmd(
            "SELECT COUNT(*) FROM tickets t" + Where, filter, ct));
        return new Page<TicketRecord>(items, total);
    }

    public Task<TicketSlaRecord?> GetSlaAsync(DbSession session, long ticketId, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<TicketSlaRecord>(session.Cmd("""
            SELECT ticket_id, policy_id, first_response_due, resolution_due, first_response_state, resolution_state, paused_at, paused_seconds
            FROM ticket_sla WHERE ticket_id = @ticketId
            """, new { ticketId }, ct));

    public async Task<TicketSlaRecord?> GetSlaAsync(long ticketId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<TicketSlaRecord>(Sql.Cmd("""
            SELECT ticket_id, policy_id, first_response_due, resolution_due, first_response_state, resolution_state, paused_at, paused_seconds
            FROM ticket_sla WHERE ticket_id = @ticketId
            """, new { ticketId }, ct));
    }

    public async Task<IReadOnlyList<TicketMessageRecord>> MessagesAsync(long ticketId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<TicketMessageRecord>(Sql.Cmd(
            "SELECT id, ticket_id, raw_email_id, message_id, direction, author, body, created_at FROM ticket_messages WHERE ticket_id = @ticketId ORDER BY id",
            new { ticketId }, ct))).ToList();
    }

    public Task SetPriorityAsync(DbSession session, long id, string priority, DateTimeOffset now, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE tickets SET priority = @priority, updated_at = @now WHERE id = @id", new { id, priority, now }, ct));

    /// <summary>Message-IDs of the ticket's messages, oldest first (the thread an agent reply continues).</summary>
    public async Task<IReadOnlyList<string>> ThreadMessageIdsAsync(DbSession session, long ticketId, CancellationToken ct) =>
        (await session.Connection.QueryAsync<string>(session.Cmd(
            "SELECT message_id FROM ticket_messages WHERE ticket_id = @ticketId AND message_id IS NOT NULL ORDER BY id",
            new { ticketId }, ct))).ToList();

    /// <summary>The newest inbound Message-ID of the ticket (what a reply answers).</summary>
    public Task<string?> LastInboundMessageIdAsync(DbSession session, long ticketId, CancellationToken ct) =>
        session.Connection.ExecuteScalarAsync<string?>(session.Cmd(
            "SELECT message_id FROM ticket_messages WHERE ticket_id = @ticketId AND direction = 'in' AND message_id IS NOT NULL ORDER BY id DESC LIMIT 1",
            new { ticketId }, ct));

    public Task<OutboundEmailRecord?> FindOutboundByKeyAsync(DbSession session, string idempotencyKey, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<OutboundEmailRecord>(session.Cmd(
            "SELECT id, ticket_id, kind, idempotency_key, to_address, subject, message_id, content, status, created_at, sent_at FROM outbound_emails WHERE idempotency_key = @idempotencyKey",
            new { idempotencyKey }, ct));

    public async Task<bool> AgentExistsAsync(long agentId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(Sql.Cmd("SELECT COUNT(*) FROM agents WHERE id = @agentId", new { agentId }, ct)) > 0;
    }
}
