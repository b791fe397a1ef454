using Dapper;

namespace SuperTickets.Data;

public sealed class AgentStore(DbConnectionFactory factory, TimeProvider clock)
{
    private readonly CommitBatch<(long TicketId, long? AgentId, string Reason, DateTimeOffset At)> _assignments = new(WriteAssignmentsAsync);

    public async Task UpsertAsync(AgentRecord agent, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO agents (name, email, skills_json, languages_json, max_concurrent, status, created_at)
            VALUES (@Name, @Email, @SkillsJson, @LanguagesJson, @MaxConcurrent, @Status, @now)
            ON CONFLICT (email) DO UPDATE SET name = excluded.name, skills_json = excluded.skills_json,
                languages_json = excluded.languages_json, max_concurrent = excluded.max_concurrent, status = excluded.status
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(sql, new
        {
            agent.Name, agent.Email, agent.SkillsJson, agent.LanguagesJson, agent.MaxConcurrent, agent.Status, now = clock.GetUtcNow(),
        }, ct));
    }

    public Task<IEnumerable<AgentRecord>> ListAsync(DbSession session, CancellationToken ct) =>
        session.Connection.QueryAsync<AgentRecord>(session.Cmd(
            "SELECT id, name, email, skills_json, languages_json, max_concurrent, status, created_at FROM agents ORDER BY id", null, ct));

    public async Task<IReadOnlyList<AgentRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<AgentRecord>(Sql.Cmd(
            "SELECT id, name, email, skills_json, languages_json, max_concurrent, status, created_at FROM agents ORDER BY id", null, ct))).ToList();
    }

    public Task RecordAssignmentAsync(DbSession session, long ticketId, long? agentId, string reason, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "INSERT INTO assignments (ticket_id, agent_id, reason, assigned_at) VALUES (@ticketId, @agentId, @reason, @now)",
            new { ticketId, agentId, reason, now = clock.GetUtcNow() }, ct));

    /// <summary>Records the assignment when the session commits, with the batch's others in one statement.</summary>
    public void RecordAssignmentOnCommit(DbSession session, long ticketId, long? agentId, string reason) =>
        _assignments.Add(session, (ticketId, agentId, reason, clock.GetUtcNow()));

    private static Task WriteAssignmentsAsync(DbSession session, IReadOnlyList<(long TicketId, long? AgentId, string Reason, DateTimeOffset At)> rows, CancellationToken ct) =>
        MultiRowInsert.ExecuteAsync(session, "INSERT INTO assignments (ticket_id, agent_id, reason, assigned_at) VALUES",
            rows.Count, 4, "", (row, column) => column switch
            {
                0 => rows[row].TicketId,
                1 => rows[row].AgentId,
                2 => rows[row].Reason,
                _ => rows[row].At,
            }, ct);

    /// <summary>The agent who most recently got a ticket (round-robin tie-break).</summary>
    public Task<long?> LastAssignedAgentAsync(DbSession session, CancellationToken ct) =>
        session.Connection.ExecuteScalarAsync<long?>(session.Cmd(
            "SELECT agent_id FROM assignments WHERE agent_id IS NOT NULL ORDER BY id DESC LIMIT 1", null, ct));
}
