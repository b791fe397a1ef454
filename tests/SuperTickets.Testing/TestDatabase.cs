using Microsoft.Extensions.Logging.Abstractions;
using SuperTickets.Data;

namespace SuperTickets.Testing;

/// <summary>A fresh, migrated database of either provider for one test.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(DbProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        Factory = new DbConnectionFactory(provider, connectionString);
    }

    public DbProvider Provider { get; }
    public string ConnectionString { get; }
    public DbConnectionFactory Factory { get; }

    public static async Task<TestDatabase> CreateAsync(DbProvider provider, PostgresServer? postgres)
    {
        TestDatabase database;
        if (provider == DbProvider.Postgres)
        {
            var server = postgres ?? throw new ArgumentNullException(nameof(postgres));
            database = new TestDatabase(provider, await server.CreateDatabaseAsync(), null);
        }
        else
        {
            var file = Path.Combine(Path.GetTempPath(), $"supertickets-test-{Guid.NewGuid():N}.db");
            database = new TestDatabase(provider, $"Data Source={file}", file);
        }
        await new MigrationRunner(database.Factory, NullLogger<MigrationRunner>.Instance).ApplyAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
