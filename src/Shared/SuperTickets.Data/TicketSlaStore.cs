using Dapper;
using SuperTickets.Data.Admin;

namespace SuperTickets.Data;

/// <summary>Per-ticket SLA deadlines and the pause clock.</summary>
public sealed class TicketSlaStore(TimeProvider clock)
{
    private readonly CommitBatch<SlaStart> _starts = new(WriteStartsAsync);

    /// <summary>Starts the ticket's clocks (both targets 'ok'); a ticket that has them already keeps its own.</summary>
    public Task StartAsync(DbSession session, long ticketId, string policyId, DateTimeOffset firstResponseDue, DateTimeOffset resolutionDue, CancellationToken ct) =>
        WriteStartsAsync(session, [new SlaStart(ticketId, policyId, firstResponseDue, resolutionDue, clock.GetUtcNow())], ct);

    /// <summary>
    /// <see cref="StartAsync"/> when the session commits, with the batch's other new tickets in multi-row statements.
    /// For tickets created in the same transaction, whose clock nothing in it reads or moves before the commit.
    /// </summary>
    public void StartOnCommit(DbSession session, long ticketId, string policyId, DateTimeOffset firstResponseDue, DateTimeOffset resolutionDue) =>
        _starts.Add(session, new SlaStart(ticketId, policyId, firstResponseDue, resolutionDue, clock.GetUtcNow()));

    private static Task WriteStartsAsync(DbSession session, IReadOnlyList<SlaStart> starts, CancellationToken ct) =>
        MultiRowInsert.ExecuteAsync(session,
            "INSERT INTO ticket_sla (ticket_id, policy_id, first_response_due, resolution_due, first_response_state, resolution_state, updated_at) VALUES",
            starts.Count, 7, "ON CONFLICT (ticket_id) DO NOTHING", (row, column) => column switch
            {
                0 => starts[row].TicketId,
                1 => starts[row].PolicyId,
                2 => starts[row].FirstResponseDue,
                3 => starts[row].ResolutionDue,
                4 or 5 => "ok",
                _ => starts[row].At,
            }, ct);

    private sealed record SlaStart(long TicketId, string PolicyId, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue, DateTimeOffset At);

    public Task MarkFirstResponseMetAsync(DbSession session, long ticketId, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE ticket_sla SET first_response_state = 'met', updated_at = @now WHERE ticket_id = @ticketId AND first_response_state IN ('ok', 'at_risk')",
            new { ticketId, now = clock.GetUtcNow() }, ct));

    /// <summary>Stops the clock while the ticket waits on the customer.</summary>
    public Task PauseAsync(DbSession session, long ticketId, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE ticket_sla SET paused_at = @now, updated_at = @now WHERE ticket_id = @ticketId AND paused_at IS NULL",
            new { ticketId, now = clock.GetUtcNow() }, ct));

    public Task<TicketSlaRecord?> GetAsync(DbSession session, long ticketId, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<TicketSlaRecord>(session.Cmd($"{SelectColumns} WHERE ticket_id = @ticketId", new { ticketId }, ct));

    /// <summary>The clocks of tickets under a policy that are not solved (a policy edit moves their deadlines).</summary>
    public async Task<IReadOnlyList<TicketSlaRecord>> ListUnsolvedAsync(DbSession session, string policyId, CancellationToken ct) =>
        (await session.Connection.QueryAsync<TicketSlaRecord>(session.Cmd($"""
            {SelectColumns} WHERE policy_id = @policyId
              AND ticket_id IN (SELECT id FROM tickets WHERE status NOT IN ('solved_pending_confirmation', 'solved', 'closed'))
            ORDER BY ticket_id
            """, new { policyId }, ct))).ToList();

    /// <summary>Writes a recomputed clock; <paramref name="pausedFor"/> is added to the time spent paused.</summary>
    public Task SetAsync(DbSession session, TicketSlaRecord sla, TimeSpan pausedFor, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd("""
            UPDATE ticket_sla SET policy_id = @PolicyId, first_response_due = @FirstResponseDue, resolution_due = @ResolutionDue,
                first_response_state = @FirstResponseState, resolution_state = @ResolutionState, paused_at = @PausedAt,
                paused_seconds = paused_seconds + @seconds, updated_at = @now
            WHERE ticket_id = @TicketId
            """, new
        {
            sla.TicketId,
            sla.PolicyId,
            sla.FirstResponseDue,
            sla.ResolutionDue,
            sla.FirstResponseState,
            sla.ResolutionState,
            sla.PausedAt,
            seconds = (long)pausedFor.TotalSeconds,
            now = clock.GetUtcNow(),
        }, ct));

    private const string SelectColumns = """
        SELECT ticket_id, policy_id, first_response_due, resolution_due, first_response_state, resolution_state, paused_at, paused_seconds
        FROM ticket_sla
        """;
}
