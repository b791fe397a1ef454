using Dapper;

namespace SuperTickets.Data.Sla;

/// <summary>
/// sla_webhook_deliveries: which escalation webhooks were posted, so a redelivered SLA event never posts a
/// threshold to the same target twice.
/// </summary>
public sealed class SlaWebhookDeliveryStore(DbConnectionFactory factory, TimeProvider clock)
{
    public async Task<bool> IsDeliveredAsync(long ticketId, string threshold, string target, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<int>(Sql.Cmd(
            "SELECT COUNT(*) FROM sla_webhook_deliveries WHERE ticket_id = @ticketId AND threshold = @threshold AND target = @target",
            new { ticketId, threshold, target }, ct)) > 0;
    }

    public async Task MarkDeliveredAsync(long ticketId, string threshold, string target, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO sla_webhook_deliveries (ticket_id, threshold, target, delivered_at)
            VALUES (@ticketId, @threshold, @target, @now)
            ON CONFLICT (ticket_id, threshold, target) DO NOTHING
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(sql, new { ticketId, threshold, target, now = clock.GetUtcNow() }, ct));
    }
}
