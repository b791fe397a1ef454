using Dapper;

namespace SuperTickets.Data;

public sealed class TicketStore(DbConnectionFactory factory)
{
    private const string Select = """
        SELECT t.id, t.subject, t.customer_id, c.email AS customer_email, c.name AS customer_name, t.status, t.priority,
               t.category, t.intent, t.channel, t.language, t.sentiment, t.assignee_id, t.smart_score, t.score_breakdown_json,
               t.sla_policy_id, t.root_email_id, t.root_message_id, t.created_at, t.updated_at, t.first_response_at, t.solved_at
        FROM tickets t JOIN customers c ON c.id = t.customer_id
        """;

    private const string TicketColumns = """
        subject, customer_id, status, priority, category, intent, channel, language, sentiment,
            smart_score, score_breakdown_json, sla_policy_id, root_email_id, root_message_id, created_at, updated_at, assignee_id, solved_at
        """;

    private const string TicketValues = """
        @Subject, @CustomerId, @Status, @Priority, @Category, @Intent, 'email', @Language, @Sentiment,
            @SmartScore, @ScoreBreakdownJson, @SlaPolicyId, @RootEmailId, @RootMessageId, @CreatedAt, @CreatedAt, @AssigneeId, @SolvedAt
        """;

    private static readonly int TicketColumnCount = TicketColumns.Split(',').Length;

    private const string MessageColumns = "ticket_id, raw_email_id, message_id, direction, author, body, created_at";

    private static readonly int MessageColumnCount = MessageColumns.Split(',').Length;

    private const string InsertTicket = $"INSERT INTO tickets ({TicketColumns}) VALUES ({TicketValues}) RETURNING id";

    /// <summary>With a reserved id (PostgreSQL's identity column takes one only when told to).</summary>
    private const string InsertReservedTicketSqlite = $"INSERT INTO tickets (id, {TicketColumns}) VALUES (@Id, {TicketValues}) RETURNING id";

    private const string InsertReservedTicketPostgres =
        $"INSERT INTO tickets (id, {TicketColumns}) OVERRIDING SYSTEM VALUE VALUES (@Id, {TicketValues}) RETURNING id";

    private const string WithFirstMessage = $"""
        m AS (
            INSERT INTO ticket_messages ({MessageColumns})
            SELECT id, @MessageRawEmailId, @MessageMessageId, @MessageDirection, @MessageAuthor, @MessageBody, @MessageCreatedAt FROM t
            ON CONFLICT (message_id) DO NOTHING)
        SELECT id FROM t
        """;

    private const string InsertTicketWithMessage = $"WITH t AS ({InsertTicket}),\n{WithFirstMessage}";

    private const string InsertReservedTicketWithMessage = $"WITH t AS ({InsertReservedTicketPostgres}),\n{WithFirstMessage}";

    private static string InsertSql(DbProvider provider, NewTicket ticket) => ticket.Id is null ? InsertTicket
        : provider == DbProvider.Postgres ? InsertReservedTicketPostgres : InsertReservedTicketSqlite;

    public async Task<long> CreateAsync(DbSession session, NewTicket ticket, CancellationToken ct) =>
        await session.Connection.ExecuteScalarAsync<long>(session.Cmd(InsertSql(session.Provider, ticket), ticket, ct));

    /// <summary>
    /// Creates the ticket with its first message (<see cref="AppendMessageAsync"/>; its ticket id is the new one). On
    /// PostgreSQL both rows go in one statement, so a new ticket costs one round trip instead of two.
    /// </summary>
    public async Task<long> CreateWithMessageAsync(DbSession session, NewTicket ticket, TicketMessageRecord first, CancellationToken ct)
    {
        if (session.Provider != DbProvider.Postgres)
        {
            return await CreateWithMessageSqliteAsync(session, ticket, first, ct);
        }
        var parameters = new DynamicParameters(ticket);
        parameters.AddDynamicParams(new
        {
            MessageRawEmailId = first.RawEmailId, MessageMessageId = first.MessageId, MessageDirection = first.Direction,
            MessageAuthor = first.Author, MessageBody = first.Body, MessageCreatedAt = first.CreatedAt,
        });
        return await session.Connection.ExecuteScalarAsync<long>(session.Cmd(
            ticket.Id is null ? InsertTicketWithMessage : InsertReservedTicketWithMessage, parameters, ct));
    }

    /// <summary>
    /// On SQLite the two rows go in as one-row statements of <see cref="MultiRowInsert"/>, which on the kept writer
    /// connection are bound by position: binding these 26 values by name was 40 % of creating a ticket in the embedded
    /// pipeline's profile, all of it inside the write lock.
    /// </summary>
    private static async Task<long> CreateWithMessageSqliteAsync(DbSession session, NewTicket ticket, TicketMessageRecord first, CancellationToken ct)
    {
        var reserved = ticket.Id is not null;
        long id = 0;
        await MultiRowInsert.QueryAsync(session, reserved ? $"INSERT INTO tickets (id, {TicketColumns}) VALUES" : $"INSERT INTO tickets ({TicketColumns}) VALUES",
            1, reserved ? TicketColumnCount + 1 : TicketColumnCount, "RETURNING id",
            (_, column) => TicketCell(ticket, reserved ? column - 1 : column),
            row => id = row.GetInt64(0), ct);
        await MultiRowInsert.ExecuteAsync(session, $"INSERT INTO ticket_messages ({MessageColumns}) VALUES",
            1, MessageColumnCount, "ON CONFLICT (message_id) DO NOTHING", (_, column) => column switch
            {
                0 => id,
                1 => first.RawEmailId,
                2 => first.MessageId,
                3 => first.Direction,
                4 => first.Author,
                5 => first.Body,
                _ => first.CreatedAt,
            }, ct);
        return id;
    }

    /// <summary>The value of <see cref="TicketColumns"/>' column <paramref name="column"/> for a new ticket; −1 is its reserved id.</summary>
    private static object? TicketCell(NewTicket ticket, int column) => column switch
    {
        -1 => ticket.Id,
        0 => ticket.Subject,
        1 => ticket.CustomerId,
        2 => ticket.Status,
        3 => ticket.Priority,
        4 => ticket.Category,
        5 => ticket.Intent,
        6 => "email",
        7 => ticket.Language,
        8 => ticket.Sentiment,
        9 => ticket.SmartScore,
        10 => ticket.ScoreBreakdownJson,
        11 => ticket.SlaPolicyId,
        12 => ticket.RootEmailId,
        13 => ticket.RootMessageId,
        14 or 15 => ticket.CreatedAt,
        16 => ticket.AssigneeId,
        _ => ticket.SolvedAt,
    };

    public Task<TicketRecord?> GetAsync(DbSession session, long id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<TicketRecord>(session.Cmd(Select + " WHERE t.id = @id", new { id }, ct));

    public async Task<TicketRecord?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<TicketRecord>(Sql.Cmd(Select + " WHERE t.id = @id", new { id }, ct));
    }

    /// <summary>The ticket that already holds any of these Message-IDs (threading by In-Reply-To/References).</summary>
    public Task<long?> FindByMessageIdsAsync(DbSession session, IReadOnlyCollection<string> messageIds, CancellationToken ct) =>
        messageIds.Count == 0
            ? Task.FromResult<long?>(null)
            : session.Connection.ExecuteScalarAsync<long?>(session.Cmd(
                "SELECT MIN(ticket_id) FROM ticket_messages WHERE message_id " + Sql.InArg(session.Provider, "messageIds"),
                new { messageIds = Sql.ListArg(session.Provider, messageIds) }, ct));

    /// <summary>Adds a message to a ticket; false when that Message-ID is already on a ticket.</summary>
    public async Task<bool> AppendMessageAsync(DbSession session, TicketMessageRecord message, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO ticket_messages ({MessageColumns})
            VALUES (@TicketId, @RawEmailId, @MessageId, @Direction, @Author, @Body, @CreatedAt)
            ON CONFLICT (message_id) DO NOTHING
            """;
        return await session.Connection.ExecuteAsync(session.Cmd(sql, message, ct)) == 1;
    }

    public Task UpdateStatusAsync(DbSession session, long id, string status, DateTimeOffset now, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd("""
            UPDATE tickets SET status = @status, updated_at = @now,
                solved_at = CASE WHEN @solved THEN @now ELSE NULL END
            WHERE id = @id
            """, new { id, status, now, solved = TicketStatus.IsSolved(status) }, ct));

    public Task SetAssigneeAsync(DbSession session, long id, long? agentId, DateTimeOffset now, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE tickets SET assignee_id = @agentId, updated_at = @now WHERE id = @id", new { id, agentId, now }, ct));

    public Task MarkFirstResponseAsync(DbSession session, long id, DateTimeOffset at, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE tickets SET first_response_at = @at WHERE id = @id AND first_response_at IS NULL", new { id, at }, ct));

    public Task<IEnumerable<TicketMessageRecord>> MessagesAsync(DbSession session, long ticketId, CancellationToken ct) =>
        session.Connection.QueryAsync<TicketMessageRecord>(session.Cmd(
            "SELECT id, ticket_id, raw_email_id, message_id, direction, author, body, created_at FROM ticket_messages WHERE ticket_id = @ticketId ORDER BY id",
            new { ticketId }, ct));

    /// <summary>Open tickets per agent, for capacity-aware assignment.</summary>
    public async Task<IReadOnlyDictionary<long, int>> OpenLoadByAgentAsync(DbSession session, CancellationToken ct)
    {
        var rows = await session.Connection.QueryAsync<(long AgentId, int Open)>(session.Cmd("""
            SELECT assignee_id, COUNT(*) FROM tickets
            WHERE assignee_id IS NOT NULL AND status IN ('new', 'open', 'pending')
            GROUP BY assignee_id
            """, null, ct));
        return rows.ToDictionary(r => r.AgentId, r => r.Open);
    }

    public async Task<IReadOnlyList<TicketRecord>> ListAsync(TicketQuery query, CancellationToken ct)
    {
        var sql = Select + """
             WHERE (@Status IS NULL OR t.status = @Status)
               AND (@Priority IS NULL OR t.priority = @Priority)
               AND (@Category IS NULL OR t.category = @Category)
               AND (@AssigneeId IS NULL OR t.assignee_id = @AssigneeId)
            """ + (query.SmartOrder ? " ORDER BY t.smart_score DESC, t.id" : " ORDER BY t.id DESC") + " LIMIT @Limit OFFSET @Offset";
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<TicketRecord>(Sql.Cmd(sql, query, ct))).ToList();
    }
}
