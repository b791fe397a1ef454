using System.Text.Json;
using Dapper;
using SuperTickets.Messaging;

namespace SuperTickets.Data;

/// <summary>
/// support_interactions: every step every stage took, with its analysis as JSON. Entries added in a session are
/// written in one multi-row statement when the session commits (and vanish with it if it rolls back).
/// </summary>
public sealed class InteractionLog(DbConnectionFactory factory, TimeProvider clock)
{
    private readonly CommitBatch<PendingInteraction> _pending = new(WriteAsync);

    public Task AddAsync(DbSession session, Interaction interaction, CancellationToken ct)
    {
        _pending.Add(session, new PendingInteraction(clock.GetUtcNow(), interaction,
            interaction.Analysis is null ? null : JsonSerializer.Serialize(interaction.Analysis, MessageSerializer.JsonOptions)));
        return Task.CompletedTask;
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

    private static Task WriteAsync(DbSession session, IReadOnlyList<PendingInteraction> pending, CancellationToken ct) =>
        MultiRowInsert.ExecuteAsync(session,
            "INSERT INTO support_interactions (occurred_at, stage, action, raw_email_id, ticket_id, correlation_id, summary, analysis_json) VALUES",
            pending.Count, 8, "", (row, column) =>
            {
                var (at, entry, json) = pending[row];
                return column switch
                {
                    0 => at,
                    1 => entry.Stage,
                    2 => entry.Action,
                    3 => entry.EmailId,
                    4 => entry.TicketId,
                    5 => entry.CorrelationId,
                    6 => entry.Summary,
                    _ => json,
                };
            }, ct);

    private sealed record PendingInteraction(DateTimeOffset At, Interaction Entry, string? AnalysisJson);
}
