using Dapper;

namespace SuperTickets.Data.Sla;

/// <summary>sla_sweep_runs: a record of every sweep the scheduler executed.</summary>
public sealed class SlaSweepRunStore(DbConnectionFactory factory)
{
    public async Task AddAsync(SlaSweepRun run, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO sla_sweep_runs (instance_id, scheduled_at, started_at, finished_at, fired)
            VALUES (@InstanceId, @ScheduledAt, @StartedAt, @FinishedAt, @Fired)
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(sql, run, ct));
    }

    public async Task<IReadOnlyList<SlaSweepRun>> ListAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<SlaSweepRun>(Sql.Cmd(
            "SELECT id, instance_id, scheduled_at, started_at, finished_at, fired FROM sla_sweep_runs ORDER BY id", null, ct))).ToList();
    }
}
