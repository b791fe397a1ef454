using Dapper;
using SuperTickets.Data.Sqlite;

namespace SuperTickets.Data.Tests;

public sealed class SqliteConnectionPoolTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"supertickets-pool-{Guid.NewGuid():N}.db");
    private DbConnectionFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = new DbConnectionFactory(DbProvider.Sqlite, $"Data Source={_file}");
        await using var writer = await _factory.OpenWriterAsync(default);
        await writer.Connection.ExecuteAsync("PRAGMA journal_mode = WAL; CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)");
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }

    [Fact]
    public async Task A_reader_given_back_is_handed_out_again_with_its_statements_prepared()
    {
        StatementCachingConnection first;
        await using (var connection = await _factory.OpenAsync(default))
        {
            first = Assert.IsType<StatementCachingConnection>(connection);
            await connection.QueryAsync<string>("SELECT body FROM notes WHERE id = @id", new { id = 1 });
        }
        await using var again = await _factory.OpenAsync(default);
        await again.QueryAsync<string>("SELECT body FROM notes WHERE id = @id", new { id = 2 });

        Assert.Same(first, again);
        Assert.Equal(1, first.Hits);
    }

    [Fact]
    public async Task Readers_in_parallel_each_get_a_connection_of_their_own_and_see_the_writers_commits()
    {
        await using (var writer = await _factory.OpenWriterAsync(default))
        {
            await writer.Connection.ExecuteAsync("INSERT INTO notes (body) VALUES ('one'), ('two')");
        }

        var connections = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => _factory.OpenAsync(default)));
        var counts = await Task.WhenAll(connections.Select(c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notes")));
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        Assert.Equal(12, connections.Distinct().Count());
        Assert.All(counts, count => Assert.Equal(2, count));
    }

    [Fact]
    public async Task A_kept_statement_runs_on_after_the_schema_changed()
    {
        await using var writer = await _factory.OpenWriterAsync(default);
        await writer.Connection.ExecuteAsync("INSERT INTO notes (body) VALUES (@body)", new { body = "before" });
        await writer.Connection.ExecuteAsync("ALTER TABLE notes ADD COLUMN tag text");
        await writer.Connection.ExecuteAsync("CREATE INDEX ix_notes_body ON notes (body)");
        await writer.Connection.ExecuteAsync("INSERT INTO notes (body) VALUES (@body)", new { body = "after" });

        Assert.Equal(["before", "after"], await writer.Connection.QueryAsync<string>("SELECT body FROM notes ORDER BY id"));
    }

    [Fact]
    public async Task Disposing_the_factory_closes_the_idle_readers_and_the_writer()
    {
        var reader = (StatementCachingConnection)await _factory.OpenAsync(default);
        await reader.DisposeAsync();
        var lease = await _factory.OpenWriterAsync(default);
        var writer = lease.Connection;
        await lease.DisposeAsync();

        await _factory.DisposeAsync();

        Assert.Equal(System.Data.ConnectionState.Closed, reader.State);
        Assert.Equal(System.Data.ConnectionState.Closed, writer.State);
        _factory = new DbConnectionFactory(DbProvider.Sqlite, $"Data Source={_file}");
    }
}
