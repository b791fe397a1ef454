using Dapper;
using Microsoft.Data.Sqlite;
using SuperTickets.Data.Sqlite;

namespace SuperTickets.Data.Tests;

public sealed class StatementCachingConnectionTests : IAsyncLifetime
{
    private readonly StatementCachingConnection _connection = new(new SqliteConnection("Data Source=:memory:"));

    public async Task InitializeAsync()
    {
        await _connection.OpenAsync();
        await _connection.ExecuteAsync("CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, payload blob)");
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task The_same_statement_run_again_reuses_its_prepared_command_with_the_new_parameters()
    {
        await _connection.ExecuteAsync("INSERT INTO items (name) VALUES (@name)", new { name = "first" });
        await _connection.ExecuteAsync("INSERT INTO items (name) VALUES (@name)", new { name = "second" });

        Assert.Equal(1, _connection.Hits);
        Assert.Equal(["first", "second"], await _connection.QueryAsync<string>("SELECT name FROM items ORDER BY id"));
    }

    [Fact]
    public async Task A_statement_still_reading_lends_a_fresh_command_to_a_second_caller()
    {
        await _connection.ExecuteAsync("INSERT INTO items (name) VALUES ('a'), ('b')");
        var cachedBefore = _connection.CachedCount;
        const string sql = "SELECT name FROM items WHERE name >= @from ORDER BY name";

        var outer = new List<string>();
        var inner = new List<string>();
        foreach (var name in _connection.Query<string>(sql, new { from = "a" }, buffered: false))
        {
            outer.Add(name);
            inner.AddRange(_connection.Query<string>(sql, new { from = "b" }));
        }

        Assert.Equal(["a", "b"], outer);
        Assert.Equal(["b", "b"], inner);
        Assert.Equal(cachedBefore + 1, _connection.CachedCount);
    }

    [Fact]
    public async Task List_parameters_expanded_by_dapper_bind_to_the_expanded_statement()
    {
        await _connection.ExecuteAsync("INSERT INTO items (name) VALUES ('a'), ('b'), ('c')");

        var two = await _connection.QueryAsync<string>("SELECT name FROM items WHERE name IN @names ORDER BY name", new { names = new[] { "a", "c" } });
        var three = await _connection.QueryAsync<string>("SELECT name FROM items WHERE name IN @names ORDER BY name", new { names = new[] { "a", "b", "c" } });

        Assert.Equal(["a", "c"], two);
        Assert.Equal(["a", "b", "c"], three);
    }

    [Fact]
    public async Task Parameters_added_before_the_text_run_on_a_one_off_command()
    {
        var cachedBefore = _connection.CachedCount;
        await using (var command = _connection.CreateCommand())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = "early";
            command.Parameters.Add(parameter);
            command.CommandText = "INSERT INTO items (name) VALUES (@name)";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Assert.Equal(cachedBefore, _connection.CachedCount);
        Assert.Equal("early", await _connection.ExecuteScalarAsync<string>("SELECT name FROM items"));
    }

    [Fact]
    public async Task A_returned_command_keeps_no_parameter_so_a_missing_one_is_an_error_not_a_stale_value()
    {
        await _connection.ExecuteAsync("INSERT INTO items (name, payload) VALUES (@name, @payload)", new { name = "a", payload = new byte[] { 1, 2 } });

        await using var command = _connection.CreateCommand();
        command.CommandText = "INSERT INTO items (name, payload) VALUES (@name, @payload)";
        Assert.Empty(command.Parameters);
        await Assert.ThrowsAsync<InvalidOperationException>(() => command.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task Statements_of_a_rolled_back_transaction_run_again_in_the_next_one()
    {
        await using (var transaction = await _connection.BeginTransactionAsync())
        {
            await _connection.ExecuteAsync("INSERT INTO items (name) VALUES (@name)", new { name = "undone" }, transaction);
            await transaction.RollbackAsync();
        }
        await using (var transaction = await _connection.BeginTransactionAsync())
        {
            await _connection.ExecuteAsync("INSERT INTO items (name) VALUES (@name)", new { name = "kept" }, transaction);
            await transaction.CommitAsync();
        }

        Assert.Equal(["kept"], await _connection.QueryAsync<string>("SELECT name FROM items"));
        Assert.Equal(1, _connection.Hits);
    }

    [Fact]
    public async Task The_least_recently_used_statement_leaves_the_cache_when_it_is_full()
    {
        for (var i = 0; i <= StatementCachingConnection.Capacity; i++)
        {
            await _connection.ExecuteScalarAsync<long>($"SELECT {i} + @x", new { x = 1 });
        }

        Assert.Equal(StatementCachingConnection.Capacity, _connection.CachedCount);
        await _connection.ExecuteScalarAsync<long>($"SELECT {StatementCachingConnection.Capacity} + @x", new { x = 1 });
        Assert.Equal(1, _connection.Hits);
        await _connection.ExecuteScalarAsync<long>("SELECT 0 + @x", new { x = 1 });
        Assert.Equal(1, _connection.Hits);
    }

    [Fact]
    public async Task Closing_the_connection_finalizes_the_kept_statements()
    {
        await _connection.ExecuteAsync("INSERT INTO items (name) VALUES (@name)", new { name = "a" });
        Assert.NotEqual(0, _connection.CachedCount);

        _connection.Close();

        Assert.Equal(0, _connection.CachedCount);
    }

    [Fact]
    public async Task A_pooled_connection_goes_back_open_once_with_its_open_transaction_rolled_back()
    {
        var returned = new List<StatementCachingConnection>();
        await using var inner = new SqliteConnection("Data Source=:memory:");
        await inner.OpenAsync();
        var pooled = new StatementCachingConnection(inner, returned.Add);
        await pooled.ExecuteAsync("CREATE TABLE t (x integer)");
        var transaction = await pooled.BeginTransactionAsync();
        await pooled.ExecuteAsync("INSERT INTO t VALUES (1)", transaction: transaction);

        await pooled.DisposeAsync();
        await pooled.DisposeAsync();

        Assert.Single(returned);
        Assert.Equal(System.Data.ConnectionState.Open, pooled.State);
        Assert.Equal(0, await pooled.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t"));
        pooled.MarkLeased();
        await pooled.DisposeAsync();
        Assert.Equal(2, returned.Count);
    }
}
