using Dapper;

namespace SuperTickets.Data;

/// <summary>Per-ticket SLA deadlines and the pause clock.</summary>
public sealed class TicketSlaStore(TimeProvider clock)
{
    public Task StartAsync(DbSession session, long ticketId, string policyId, DateTimeOffset firstResponseDue, DateTimeOffset resolutionDue, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd("""
            INSERT INTO ticket_sla (ticket_id, policy_id, first_response_due, resolution_due, first_response_state, resolution_state, updated_at)
            VALUES (@ticketId, @policyId, @firstResponseDue, @resolutionDue, 'ok', 'ok', @now)
            ON CONFLICT (ticket_id) DO NOTHING
            """, new { ticketId, policyId, firstResponseDue, resolutionDue, now = clock.GetUtcNow() }, ct));

    public Task MarkFirstResponseMetAsync(DbSession session, long ticketId, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE ticket_sla SET first_response_state = 'met', updated_at = @now WHERE ticket_id = @ticketId AND first_response_state <> 'met'",
            new { ticketId, now = clock.GetUtcNow() }, ct));

    /// <summary>Stops the clock while the ticket waits on the customer.</summary>
    public Task PauseAsync(DbSession session, long ticketId, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE ticket_sla SET paused_at = @now, updated_at = @now WHERE ticket_id = @ticketId AND paused_at IS NULL",
            new { ticketId, now = clock.GetUtcNow() }, ct));

    /// <summary>Restarts the clock: deadlines move out by the time spent paused.</summary>
    public async Task ResumeAsync(DbSession session, long ticketId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var pausedAt = await session.Connection.ExecuteScalarAsync<DateTimeOffset?>(session.Cmd(
            "SELECT paused_at FROM ticket_sla WHERE ticket_id = @ticketId", new { ticketId }, ct));
        if (pausedAt is not { } since)
        {
            return;
        }
        var paused = now - since;
        var due = await session.Connection.QuerySingleAsync<(DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue)>(session.Cmd(
            "SELECT first_response_due, resolution_due FROM ticket_sla WHERE ticket_id = @ticketId", new { ticketId }, ct));
        await session.Connection.ExecuteAsync(session.Cmd("""
            UPDATE ticket_sla SET paused_at = NULL, paused_seconds = paused_seconds + @seconds,
                first_response_due = @firstResponseDue, resolution_due = @resolutionDue, updated_at = @now
            WHERE ticket_id = @ticketId
            """, new
        {
            ticketId,
            seconds = (long)paused.TotalSeconds,
            firstResponseDue = due.FirstResponseDue + paused,
            resolutionDue = due.ResolutionDue + paused,
            now,
        }, ct));
    }
}
