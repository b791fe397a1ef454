using Dapper;

namespace SuperTickets.Data;

/// <summary>Counts for the run summary and the metrics endpoint.</summary>
public sealed class SummaryQueries(DbConnectionFactory factory)
{
    public async Task<PipelineSummary> GetAsync(CancellationToken ct)
    {
        const string sql = """
            SELECT
              (SELECT COUNT(*) FROM raw_emails) AS emails,
              (SELECT COUNT(*) FROM raw_emails WHERE status = 'quarantined') AS quarantined,
              (SELECT COUNT(*) FROM raw_emails WHERE status = 'ignored') AS ignored,
              (SELECT COUNT(*) FROM tickets) AS tickets,
              (SELECT COUNT(*) FROM outbound_emails WHERE kind = 'auto_answer') AS auto_answered,
              (SELECT COUNT(*) FROM outbound_emails WHERE status = 'sent') AS replies_written,
              (SELECT COUNT(*) FROM support_interactions) AS interactions,
              (SELECT COUNT(*) FROM dead_letters WHERE replayed_at IS NULL) AS dead_letters
            """;
        await using var connection = await factory.OpenAsync(ct);
        var counts = await connection.QuerySingleAsync<(long, long, long, long, long, long, long, long)>(Sql.Cmd(sql, null, ct));
        var perCategory = (await connection.QueryAsync<(string, long)>(Sql.Cmd(
            "SELECT category, COUNT(*) FROM tickets GROUP BY category ORDER BY COUNT(*) DESC, category", null, ct))).ToList();
        return new PipelineSummary(counts.Item1, counts.Item2, counts.Item3, counts.Item4, counts.Item5, counts.Item6, counts.Item7, counts.Item8, perCategory);
    }
}
