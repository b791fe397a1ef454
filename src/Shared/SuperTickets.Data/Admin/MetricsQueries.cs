using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>Counts, backlog, reply latency samples and SLA states for the metrics endpoint.</summary>
public sealed class MetricsQueries(DbConnectionFactory factory)
{
    /// <summary>Most recent tickets whose first reply latency is sampled.</summary>
    public const int LatencySample = 10_000;

    public async Task<MetricsSnapshot> ReadAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        var interactions = (await connection.QueryAsync<(string, string, long)>(Sql.Cmd(
            "SELECT stage, action, COUNT(*) FROM support_interactions GROUP BY stage, action ORDER BY stage, action", null, ct))).ToList();
        var emails = (await connection.QueryAsync<(string, long)>(Sql.Cmd(
            "SELECT status, COUNT(*) FROM raw_emails GROUP BY status ORDER BY status", null, ct))).ToList();
        var tickets = (await connection.QueryAsync<(string, long)>(Sql.Cmd(
            "SELECT status, COUNT(*) FROM tickets GROUP BY status ORDER BY status", null, ct))).ToList();
        var backlog = await connection.ExecuteScalarAsync<long>(Sql.Cmd("SELECT COUNT(*) FROM outbox", null, ct));
        var oldest = backlog == 0 ? null : await connection.ExecuteScalarAsync<DateTimeOffset?>(Sql.Cmd("SELECT MIN(created_at) FROM outbox", null, ct));
        var deadLetters = await connection.ExecuteScalarAsync<long>(Sql.Cmd("SELECT COUNT(*) FROM dead_letters WHERE replayed_at IS NULL", null, ct));
        var latencies = (await connection.QueryAsync<(DateTimeOffset Received, DateTimeOffset Sent)>(Sql.Cmd("""
            SELECT r.received_at, MIN(o.sent_at)
            FROM tickets t
            JOIN raw_emails r ON r.id = t.root_email_id
            JOIN outbound_emails o ON o.ticket_id = t.id AND o.sent_at IS NOT NULL
            GROUP BY t.id, r.received_at
            ORDER BY t.id DESC LIMIT @limit
            """, new { limit = LatencySample }, ct)))
            .Select(l => Math.Max(0, (l.Sent - l.Received).TotalSeconds))
            .ToList();
        var sla = (await connection.QueryAsync<(string, string, long)>(Sql.Cmd("""
            SELECT 'first_response', first_response_state, COUNT(*) FROM ticket_sla GROUP BY first_response_state
            UNION ALL
            SELECT 'resolution', resolution_state, COUNT(*) FROM ticket_sla GROUP BY resolution_state
            """, null, ct))).ToList();
        var autoAnswered = await connection.ExecuteScalarAsync<long>(Sql.Cmd(
            "SELECT COUNT(DISTINCT ticket_id) FROM outbound_emails WHERE kind = 'auto_answer'", null, ct));
        var ticketCount = tickets.Sum(t => t.Item2);
        return new MetricsSnapshot(interactions, emails, tickets, backlog, oldest, deadLetters, latencies, sla, autoAnswered, ticketCount);
    }
}
