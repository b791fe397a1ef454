using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>Agents by id: create, read, replace, delete (refused while tickets or assignments refer to the agent).</summary>
public sealed class AgentAdminStore(DbConnectionFactory factory)
{
    private const string Columns = "id, name, email, skills_json, languages_json, max_concurrent, status, created_at";

    public async Task<AgentRecord?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AgentRecord>(Sql.Cmd($"SELECT {Columns} FROM agents WHERE id = @id", new { id }, ct));
    }

    /// <summary>Adds the agent; null when another agent has the address.</summary>
    public async Task<long?> InsertAsync(AgentRecord agent, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO agents (name, email, skills_json, languages_json, max_concurrent, status, created_at)
            VALUES (@Name, @Email, @SkillsJson, @LanguagesJson, @MaxConcurrent, @Status, @CreatedAt)
            ON CONFLICT (email) DO NOTHING
            RETURNING id
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        return await connection.ExecuteScalarAsync<long?>(Sql.Cmd(sql, agent, ct));
    }

    /// <summary>Replaces the agent's fields; false when no agent has the id. Throws on a duplicate address.</summary>
    public async Task<bool> UpdateAsync(AgentRecord agent, CancellationToken ct)
    {
        const string sql = """
            UPDATE agents SET name = @Name, email = @Email, skills_json = @SkillsJson, languages_json = @LanguagesJson,
                max_concurrent = @MaxConcurrent, status = @Status
            WHERE id = @Id
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        return await connection.ExecuteAsync(Sql.Cmd(sql, agent, ct)) == 1;
    }

    public async Task<bool> EmailTakenAsync(string email, long? exceptId, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(Sql.Cmd(
            "SELECT COUNT(*) FROM agents WHERE email = @email AND (@exceptId IS NULL OR id <> @exceptId)", new { email, exceptId }, ct)) > 0;
    }

    public async Task<DeleteOutcome> DeleteAsync(long id, CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM agents WHERE id = @id", new { id }, transaction, cancellationToken: ct)) == 0)
        {
            return DeleteOutcome.NotFound;
        }
        var references = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM tickets WHERE assignee_id = @id) + (SELECT COUNT(*) FROM assignments WHERE agent_id = @id)",
            new { id }, transaction, cancellationToken: ct));
        if (references > 0)
        {
            return DeleteOutcome.InUse;
        }
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM agents WHERE id = @id", new { id }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return DeleteOutcome.Deleted;
    }
}
