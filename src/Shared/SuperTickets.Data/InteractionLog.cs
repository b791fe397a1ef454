using System.Text.Json;
using Dapper;
using SuperTickets.Messaging;

namespace SuperTickets.Data;

/// <summary>support_interactions: every step every stage took, with its analysis as JSON.</summary>
public sealed class InteractionLog(DbConnectionFactory factory, TimeProvider clock)
{
    public Task AddAsync(DbSession session, Interaction interaction, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO support_interactions (occurred_at, stage, action, raw_email_id, ticket_id, correlation_id, summary, analysis_json)
            VALUES (@now, @Stage, @Action, @EmailId, @TicketId, @CorrelationId, @Summary, @AnalysisJson)
            """;
        return session.Connection.ExecuteAsync(session.Cmd(sql, new
        {
            now = clock.GetUtcNow(),
            interaction.Stage,
            interaction.Action,
            interaction.EmailId,
            interaction.TicketId,
            interaction.CorrelationId,
            interaction.Summary,
            AnalysisJson = interaction.Analysis is null ? null : JsonSerializer.Serialize(interaction.Analysis, MessageSerializer.JsonOptions),
        }, ct));
    }

    public async Task<IReadOnlyList<InteractionRecord>> ListAsync(long? emailId, long? ticketId, int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT id, occurred_at, stage, action, raw_email_id, ticket_id, correlation_id, summary, analysis_json
            FROM support_interactions
            WHERE (@emailId IS NULL OR raw_email_id = @emailId) AND (@ticketId IS NULL OR ticket_id = @ticketId)
            ORDER BY id LIMIT @limit
            """;
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<InteractionRecord>(Sql.Cmd(sql, new { emailId, ticketId, limit }, ct))).ToList();
    }
}
