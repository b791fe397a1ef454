namespace SuperTickets.Data.Sla;

/// <summary>Writes the sweep's verdicts to ticket_sla, many tickets per statement.</summary>
public static class SlaStateStore
{
    public static async Task UpdateAsync(DbSession session, IReadOnlyList<SlaStateUpdate> updates, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var chunk in updates.Chunk(MultiRowInsert.RowsPerStatement(session.Provider, 5)))
        {
            await using var command = MultiRowInsert.Create(session,
                "UPDATE ticket_sla SET first_response_state = v.column2, resolution_state = v.column3, fired_thresholds = v.column4, updated_at = v.column5 FROM (VALUES",
                chunk.Length, 5, ") AS v WHERE ticket_sla.ticket_id = v.column1", (row, column) => column switch
                {
                    0 => chunk[row].TicketId,
                    1 => chunk[row].FirstResponseState,
                    2 => chunk[row].ResolutionState,
                    3 => chunk[row].FiredThresholds,
                    _ => now,
                });
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
