using Dapper;
using Microsoft.Data.Sqlite;
using SuperTickets.Data.Sqlite;
using SuperTickets.Testing;

namespace SuperTickets.Data.Tests;

/// <summary>
/// Statements bound by position on the kept SQLite connection: what they store, what they return, how they fail, and
/// that the multi-row statements on the writer use them in a bounded number of shapes.
/// </summary>
public sealed class PositionalStatementTests : IAsyncLifetime
{
    private readonly StatementCachingConnection _connection = new(new SqliteConnection("Data Source=:memory:"));

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await _connection.ExecuteAsync("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL UNIQUE, payload blob)");
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Empty_text_and_an_empty_blob_stay_empty_and_null_stays_null()
    {
        var insert = _connection.Positional("INSERT INTO items (name, payload) VALUES (?, ?), (?, ?)");
        insert.Bind(1, "");
        insert.Bind(2, Array.Empty<byte>());
        insert.Bind(3, "none");
        insert.Bind(4, null);
        insert.Run(read: null);

        Assert.Equal(["''text X''blob", "'none'text NULLnull"],
            await _connection.QueryAsync<string>("SELECT quote(name) || typeof(name) || ' ' || quote(payload) || typeof(payload) FROM items ORDER BY id"));
    }

    [Fact]
    public async Task Text_longer_than_the_shared_buffer_is_stored_whole()
    {
        var name = string.Concat(Enumerable.Range(0, 30_000).Select(i => i % 7 == 0 ? "ü" : "ab"));
        var insert = _connection.Positional("INSERT INTO items (name) VALUES (?)");
        insert.Bind(1, name);
        insert.Run(read: null);

        Assert.Equal(name, await _connection.ExecuteScalarAsync<string>("SELECT name FROM items"));
    }

    [Fact]
    public void Returned_rows_are_read_while_stepping()
    {
        var insert = _connection.Positional("INSERT INTO items (name) VALUES (?), (?) RETURNING id, name");
        insert.Bind(1, "a");
        insert.Bind(2, "b");
        var returned = new List<string>();
        insert.Run(row => returned.Add($"{row.GetInt64(0)}:{row.GetString(1)}"));

        Assert.Equal(["1:a", "2:b"], returned);
    }

    [Fact]
    public async Task A_failing_statement_throws_the_providers_exception_and_runs_again_once_rebound()
    {
        var insert = _connection.Positional("INSERT INTO items (name) VALUES (?)");
        insert.Bind(1, "taken");
        insert.Run(read: null);

        insert.Bind(1, "taken");
        var failure = Assert.Throws<SqliteException>(() => insert.Run(read: null));
        Assert.Equal(19, failure.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Contains("UNIQUE", failure.Message, StringComparison.Ordinal);

        insert.Bind(1, "free");
        insert.Run(read: null);
        Assert.Equal(["taken", "free"], await _connection.QueryAsync<string>("SELECT name FROM items ORDER BY id"));
    }

    [Fact]
    public async Task A_value_of_a_type_it_does_not_bind_is_refused_by_name_and_nothing_is_stored()
    {
        var insert = _connection.Positional("INSERT INTO items (name) VALUES (?)");

        var refused = Assert.Throws<NotSupportedException>(() => insert.Bind(1, Guid.Empty));

        Assert.Contains(nameof(Guid), refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _connection.ExecuteScalarAsync<long>("SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task Writes_inside_a_transaction_roll_back_with_it()
    {
        var transaction = await _connection.BeginTransactionAsync();
        var insert = _connection.Positional("INSERT INTO items (name) VALUES (?)");
        insert.Bind(1, "gone");
        insert.Run(read: null);
        await transaction.RollbackAsync();

        Assert.Equal(0, await _connection.ExecuteScalarAsync<long>("SELECT count(*) FROM items"));
    }

    [Fact]
    public void Closing_the_connection_finalizes_the_positional_statements()
    {
        _connection.Positional("INSERT INTO items (name) VALUES (?)");
        Assert.Equal(1, _connection.PositionalCount);

        _connection.Close();

        Assert.Equal(0, _connection.PositionalCount);
    }

    [Fact]
    public async Task The_writers_multi_row_statements_go_positional_in_at_most_seven_shapes_per_statement()
    {
        await using var db = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        await using (var connection = await db.Factory.OpenAsync(default))
        {
            await connection.ExecuteAsync("CREATE TABLE numbers (n integer PRIMARY KEY, label text)");
        }
        var total = 0;
        await using (var session = new DbSession(db.Factory))
        {
            await session.BeginAsync(default);
            var kept = Assert.IsType<StatementCachingConnection>(session.Connection);
            var before = kept.PositionalCount;
            foreach (var rows in Enumerable.Range(1, 200))
            {
                var start = total;
                await MultiRowInsert.ExecuteAsync(session, "INSERT INTO numbers (n, label) VALUES", rows, 2, "",
                    (row, column) => column == 0 ? (long)(start + row) : $"n{start + row}", default);
                total += rows;
            }
            Assert.Equal(7, kept.PositionalCount - before); // 64, 32, 16, 8, 4, 2 and 1 rows
            await session.CommitAsync(default);
        }

        await using var check = await db.Factory.OpenAsync(default);
        Assert.Equal(total, await check.ExecuteScalarAsync<long>("SELECT count(*) FROM numbers WHERE label = 'n' || n"));
    }
}
