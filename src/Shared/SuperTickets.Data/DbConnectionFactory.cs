using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using SuperTickets.Data.Sqlite;

namespace SuperTickets.Data;

/// <summary>
/// The process-wide source of connections. SQLite allows one writer at a time, so writes go through
/// <see cref="OpenWriterAsync"/>: the write lock and the one kept writer connection, whose statements stay prepared
/// (<see cref="StatementCachingConnection"/>). On PostgreSQL the lock is free and the writer is a pooled connection.
/// </summary>
public sealed class DbConnectionFactory : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    /// <summary>
    /// Per-connection settings, applied once to each physical connection (the pool hands the same one out again):
    /// temp_store = MEMORY keeps statement journals off disk (SQLite would otherwise create and delete a file for each);
    /// mmap_size lets reads map the file instead of copying every page with pread: each stage's transaction starts
    /// with a cold page cache after another connection wrote, so without it most of the database is re-read per batch.
    /// </summary>
    private const string SqlitePragmas =
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824;";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();
    private static readonly object Marker = new();

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private StatementCachingConnection? _writer;

    public DbConnectionFactory(DbProvider provider, string connectionString)
    {
        Provider = provider;
        DapperSetup.EnsureConfigured();
        if (provider == DbProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (!connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase))
            {
                // The pipeline runs the same few dozen statements for every email: let the server keep them parsed
                // and planned per connection instead of parsing each one again.
                builder.MaxAutoPrepare = 256;
                builder.AutoPrepareMinUsages = 2;
            }
            _postgres = NpgsqlDataSource.Create(builder.ConnectionString);
        }
        else
        {
            var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }
            _sqlite = builder.ToString();
        }
    }

    public DbProvider Provider { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }
        return await OpenSqliteAsync(ct);
    }

    /// <summary>
    /// The write lock and a connection to write on. On SQLite it is the kept writer connection (opened on first use,
    /// closed with the factory): only the holder of the lock uses it, so its prepared statements need no locking.
    /// </summary>
    public async Task<WriterLease> OpenWriterAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return new WriterLease(await _postgres.OpenConnectionAsync(ct), owned: true, null);
        }
        await _writeLock.WaitAsync(ct);
        try
        {
            if (_writer is not { State: System.Data.ConnectionState.Open })
            {
                _writer?.Dispose();
                _writer = new StatementCachingConnection(await OpenSqliteWriterAsync(ct));
            }
            return new WriterLease(_writer, owned: false, _writeLock);
        }
        catch
        {
            _writeLock.Release();
            throw;
        }
    }

    /// <summary>The writer is not pooled: it stays open for the factory's life, so it is configured once here.</summary>
    private async Task<SqliteConnection> OpenSqliteWriterAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_sqlite) { Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = SqlitePragmas;
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    private async Task<SqliteConnection> OpenSqliteAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(ct);
        var handle = connection.Handle!;
        if (!Configured.TryGetValue(handle, out _))
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = SqlitePragmas;
            await pragma.ExecuteNonQueryAsync(ct);
            Configured.AddOrUpdate(handle, Marker);
        }
        return connection;
    }

    /// <summary>Serializes writers on SQLite; returns a no-op on PostgreSQL.</summary>
    public async ValueTask<IDisposable> AcquireWriteAsync(CancellationToken ct)
    {
        if (Provider == DbProvider.Postgres)
        {
            return NoLock.Instance;
        }
        await _writeLock.WaitAsync(ct);
        return new Releaser(_writeLock);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_writer is not null)
        {
            await _writeLock.WaitAsync(TimeSpan.FromSeconds(10)); // a writer still busy at shutdown loses its connection
            await _writer.DisposeAsync();
            _writer = null;
        }
        _writeLock.Dispose();
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
