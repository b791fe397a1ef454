using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SuperTickets.Data;

/// <summary>
/// Keeps PostgreSQL's statistics up with tables that are still growing from empty. Every connection keeps its
/// statements prepared, and the server plans a prepared statement once for all later executions, from the statistics
/// it has then: a look-up first planned while its table held about a thousand rows and had never been analyzed is a
/// sequential scan, each execution reading the whole table, until an ANALYZE of the table makes the server plan it
/// again. Autovacuum analyzes a table only after a tenth of it changed and its next round came by, so a fresh database
/// would scan for a minute or more. This service analyzes each table the connecting role owns once it holds
/// <see cref="MinRows"/> rows and again whenever it has grown
/// <see cref="Growth"/>-fold since it was last analyzed, up to <see cref="Ceiling"/> rows; past that autovacuum's own
/// rule is soon enough. Several processes may run it: one round runs at a time, under an advisory lock.
/// </summary>
public sealed partial class TableStatisticsRefresher(
    DbConnectionFactory factory,
    IOptions<DatabaseOptions> options,
    ILogger<TableStatisticsRefresher> logger) : BackgroundService
{
    public const long MinRows = 1_000;
    public const double Growth = 4;
    public const long Ceiling = 100_000;

    private const string GrownTables = """
        SELECT format('%I.%I', s.schemaname, s.relname) AS name, s.n_live_tup AS liverows, c.reltuples::bigint AS estimatedrows
        FROM pg_stat_user_tables s
        JOIN pg_class c ON c.oid = s.relid
        WHERE pg_get_userbyid(c.relowner) = current_user
          AND s.n_live_tup >= @minRows
          AND c.reltuples < @ceiling
          AND (c.reltuples < 0 OR s.n_live_tup >= c.reltuples * @growth)
        ORDER BY s.n_live_tup DESC
        """;

    /// <summary>
    /// One round: analyzes every table that has grown enough and returns their names, or nothing when another
    /// process holds the round.
    /// </summary>
    public async Task<IReadOnlyList<string>> AnalyzeGrownTablesAsync(CancellationToken ct)
    {
        if (factory.Provider != DbProvider.Postgres)
        {
            return [];
        }
        await using var connection = await factory.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_xact_lock(@key)", new { key = AdvisoryLocks.StatisticsRound }, transaction, cancellationToken: ct)))
        {
            return [];
        }
        var grown = (await connection.QueryAsync<GrownTable>(new CommandDefinition(
            GrownTables, new { minRows = MinRows, ceiling = (double)Ceiling, growth = Growth }, transaction, cancellationToken: ct))).ToList();
        foreach (var table in grown)
        {
            await connection.ExecuteAsync(new CommandDefinition("ANALYZE " + table.Name, transaction: transaction, cancellationToken: ct));
            LogAnalyzed(logger, table.Name, table.LiveRows, table.EstimatedRows);
        }
        await transaction.CommitAsync(ct);
        return grown.Select(t => t.Name).ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.StatisticsRefreshInterval;
        if (factory.Provider != DbProvider.Postgres || interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await AnalyzeGrownTablesAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogRoundFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed record GrownTable(string Name, long LiveRows, long EstimatedRows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analyzed {Table}: {LiveRows} rows, the planner had {EstimatedRows}")]
    private static partial void LogAnalyzed(ILogger logger, string table, long liveRows, long estimatedRows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing table statistics failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
