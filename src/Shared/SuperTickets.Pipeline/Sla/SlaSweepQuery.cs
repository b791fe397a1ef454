using SuperTickets.Data;

namespace SuperTickets.Pipeline.Sla;

/// <summary>
/// The sweep's candidate query: open, unpaused tickets under an enabled policy with a target that has reached its
/// warning point (still 'ok') or its deadline (still 'at_risk'). The database does this arithmetic so that a sweep
/// over many quiet tickets reads only the few that may fire; <see cref="SlaSweeper.Evaluate"/> decides exactly.
/// </summary>
internal static class SlaSweepQuery
{
    private const string Columns = """
        SELECT s.ticket_id, s.policy_id, t.created_at, s.first_response_due, s.resolution_due, s.first_response_state,
               s.resolution_state, s.paused_seconds, s.fired_thresholds, p.warning_fraction, p.enabled,
               t.status, t.priority, t.category, t.assignee_id
        FROM ticket_sla s
        JOIN tickets t ON t.id = s.ticket_id
        JOIN sla_policies p ON p.id = s.policy_id
        WHERE s.paused_at IS NULL AND t.status IN ('new', 'open') AND p.enabled = @enabled AND s.ticket_id > @after
        """;

    private const string Postgres = Columns + """

          AND ((s.first_response_state = 'ok' AND t.created_at + s.paused_seconds * interval '1 second'
                    + p.warning_fraction * (s.first_response_due - t.created_at - s.paused_seconds * interval '1 second') <= @now)
            OR (s.first_response_state = 'at_risk' AND s.first_response_due <= @now)
            OR (s.resolution_state = 'ok' AND t.created_at + s.paused_seconds * interval '1 second'
                    + p.warning_fraction * (s.resolution_due - t.created_at - s.paused_seconds * interval '1 second') <= @now)
            OR (s.resolution_state = 'at_risk' AND s.resolution_due <= @now))
        ORDER BY s.ticket_id LIMIT @limit
        """;

    private const string Sqlite = Columns + """

          AND ((s.first_response_state = 'ok' AND julianday(t.created_at) + s.paused_seconds / 86400.0
                    + p.warning_fraction * (julianday(s.first_response_due) - julianday(t.created_at) - s.paused_seconds / 86400.0) <= julianday(@now))
            OR (s.first_response_state = 'at_risk' AND julianday(s.first_response_due) <= julianday(@now))
            OR (s.resolution_state = 'ok' AND julianday(t.created_at) + s.paused_seconds / 86400.0
                    + p.warning_fraction * (julianday(s.resolution_due) - julianday(t.created_at) - s.paused_seconds / 86400.0) <= julianday(@now))
            OR (s.resolution_state = 'at_risk' AND julianday(s.resolution_due) <= julianday(@now)))
        ORDER BY s.ticket_id LIMIT @limit
        """;

    public static string For(DbProvider provider) => provider == DbProvider.Postgres ? Postgres : Sqlite;
}
