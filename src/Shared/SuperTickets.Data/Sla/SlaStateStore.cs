namespace SuperTickets.Data.Sla;

/// <summary>Writes the sweep's verdicts to ticket_sla, many tickets per statement.</summary>
public static class SlaStateStore
{
    public static Task UpdateAsync(DbSession session, IReadOnlyList<SlaStateUpdate> updates, DateTimeOffset now, CancellationToken ct) =>
        MultiRowInsert.ExecuteAsync(session,
            "UPDATE ticket_sla SET first_response_state = v.column2, resolution_state = v.column3, fired_thresholds = v.column4, updated_at = v.column5 FROM (VALUES",
            updates.Count, 5, ") AS v WHERE ticket_sla.ticket_id = v.column1", (row, column) => column switch
            {
                0 => updates[row].TicketId,
                1 => updates[row].FirstResponseState,
                2 => updates[row].ResolutionState,
                3 => updates[row].FiredThresholds,
                _ => now,
            }, ct);
}
