using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Testing;

namespace SuperTickets.Data.Tests;

[Collection(PostgresCollection.Name)]
public sealed class TableStatisticsRefresherTests(PostgresServer postgres)
{
    private const string Customers = "public.customers";

    [Fact]
    public async Task A_look_up_planned_on_a_young_table_scans_until_the_refresher_analyzes_it_then_uses_the_index()
    {
        await using var db = await CreateDatabaseAsync();
        var refresher = Refresher(db);
        await AddCustomersAsync(db, 0, 1_500);
        await using var connection = await db.Factory.OpenAsync(default);
        // The server plans a prepared statement once and keeps the plan; forcing the generic plan makes that happen now.
        await connection.ExecuteAsync("SET plan_cache_mode = force_generic_plan");
        await connection.ExecuteAsync("PREPARE look(text[]) AS SELECT id FROM customers WHERE email = ANY($1)");
        Assert.StartsWith("Seq Scan on customers", await PlanAsync(connection));

        var analyzed = await AnalyzeUntilAsync(refresher, Customers);

        Assert.Contains(Customers, analyzed);
        var plan = await PlanAsync(connection);
        Assert.Contains("Index Scan", plan);
        Assert.DoesNotContain("Seq Scan", plan);
        Assert.Equal(1_500, await connection.ExecuteScalarAsync<long>("SELECT reltuples::bigint FROM pg_class WHERE oid = 'customers'::regclass"));
    }

    [Fact]
    public async Task A_table_is_analyzed_from_the_minimum_and_again_only_when_it_has_grown_fourfold()
    {
        await using var db = await CreateDatabaseAsync();
        var refresher = Refresher(db);

        await AddCustomersAsync(db, 0, (int)TableStatisticsRefresher.MinRows - 1);
        await WaitForLiveRowsAsync(db, TableStatisticsRefresher.MinRows - 1);
        Assert.DoesNotContain(Customers, await refresher.AnalyzeGrownTablesAsync(default));

        await AddCustomersAsync(db, (int)TableStatisticsRefresher.MinRows - 1, 1_001);
        Assert.Contains(Customers, await AnalyzeUntilAsync(refresher, Customers));

        // 2,000 analyzed; 7,999 is short of four times that, 8,000 is not.
        await AddCustomersAsync(db, 2_000, 5_999);
        await WaitForLiveRowsAsync(db, 7_999);
        Assert.DoesNotContain(Customers, await refresher.AnalyzeGrownTablesAsync(default));
        await AddCustomersAsync(db, 7_999, 1);
        Assert.Contains(Customers, await AnalyzeUntilAsync(refresher, Customers));
        await using var connection = await db.Factory.OpenAsync(default);
        Assert.Equal(8_000, await connection.ExecuteScalarAsync<long>("SELECT reltuples::bigint FROM pg_class WHERE oid = 'customers'::regclass"));
    }

    [Fact]
    public async Task A_round_held_by_another_process_is_skipped()
    {
        await using var db = await CreateDatabaseAsync();
        var refresher = Refresher(db);
        await AddCustomersAsync(db, 0, 2_000);
        await WaitForLiveRowsAsync(db, 2_000);
        await using var other = await db.Factory.OpenAsync(default);
        await other.ExecuteAsync("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLocks.StatisticsRound });

        Assert.Empty(await refresher.AnalyzeGrownTablesAsync(default));

        await other.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLocks.StatisticsRound });
        Assert.Contains(Customers, await refresher.AnalyzeGrownTablesAsync(default));
    }

    [Fact]
    public async Task On_sqlite_a_round_does_nothing()
    {
        await using var db = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        Assert.Empty(await Refresher(db).AnalyzeGrownTablesAsync(default));
    }

    /// <summary>A database whose customers table autovacuum leaves alone, so that only the refresher analyzes it.</summary>
    private async Task<TestDatabase> CreateDatabaseAsync()
    {
        var db = await TestDatabase.CreateAsync(DbProvider.Postgres, postgres);
        await using var connection = await db.Factory.OpenAsync(default);
        await connection.ExecuteAsync("ALTER TABLE customers SET (autovacuum_enabled = false)");
        return db;
    }

    private static TableStatisticsRefresher Refresher(TestDatabase db) =>
        new(db.Factory, Options.Create(new DatabaseOptions()), NullLogger<TableStatisticsRefresher>.Instance);

    private static async Task AddCustomersAsync(TestDatabase db, int from, int count)
    {
        await using var connection = await db.Factory.OpenAsync(default);
        await connection.ExecuteAsync(
            "INSERT INTO customers (email, name, created_at) SELECT 'customer-' || g || '@example.com', 'Customer ' || g, now() FROM generate_series(@first, @last) g",
            new { first = from + 1, last = from + count });
    }

    private static async Task<string> PlanAsync(DbConnection connection) =>
        string.Join('\n', await connection.QueryAsync<string>("EXPLAIN EXECUTE look('{customer-7@example.com}')"));

    /// <summary>Rounds until one analyzes the table: the server publishes row counts about once a second.</summary>
    private static async Task<IReadOnlyList<string>> AnalyzeUntilAsync(TableStatisticsRefresher refresher, string table)
    {
        IReadOnlyList<string> analyzed = [];
        await Eventually.UntilAsync(async () => (analyzed = await refresher.AnalyzeGrownTablesAsync(default)).Contains(table),
            $"a round analyzes {table}", TimeSpan.FromSeconds(15));
        return analyzed;
    }

    private static async Task WaitForLiveRowsAsync(TestDatabase db, long rows)
    {
        await using var connection = await db.Factory.OpenAsync(default);
        await Eventually.UntilAsync(
            async () => await connection.ExecuteScalarAsync<long>("SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'customers'") >= rows,
            $"the server counts {rows} live rows", TimeSpan.FromSeconds(15));
    }
}
