using System.Collections.Concurrent;
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
    /// Per-connection settings, applied once to each physical connection when it opens:
    /// temp_store = MEMORY keeps statement journals off disk (SQLite would otherwise create and delete a file for each);
    /// mmap_size lets reads map the file instead of copying every page with pread: each stage's transaction starts
    /// with a cold page cache after another connection wrote, so without it most of the database is re-read per batch.
    /// </summary>
    private const string SqlitePragmas =
        "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 1073741824;";

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private StatementCachingConnection? _writer;
    private readonly ConcurrentBag<StatementCachingConnection> _readers = [];
    private int _idleReaders;
    private bool _disposed;

    /// <summary>Idle SQLite read connections kept open (with their prepared statements) for the next reader.</summary>
    private const int MaxIdleReaders = 8;

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
            var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
            if (Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }
            _sqlite = builder.ToString();
        }
    }

    public DbProvider Provider { get; }

    /// <summary>
    /// A connection for reads. On SQLite it comes
    /// from the factory's own pool of open connections that keep their statements prepared; disposing returns it.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }
        while (_readers.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleReaders);
            if (idle.State == System.Data.ConnectionState.Open)
            {
                idle.MarkLeased();
                return idle;
            }
            idle.CloseForGood();
        }
        return new StatementCachingConnection(await OpenSqliteConnectionAsync(ct), ReturnReader);
    }

    private void ReturnReader(StatementCachingConnection connection)
    {
        if (Volatile.Read(ref _disposed) || connection.State != System.Data.ConnectionState.Open)
        {
            connection.CloseForGood();
            return;
        }
        if (Interlocked.Increment(ref _idleReaders) > MaxIdleReaders)
        {
            Interlocked.Decrement(ref _idleReaders);
            connection.CloseForGood();
            return;
        }
        _readers.Add(connection);
        if (Volatile.Read(ref _disposed))
        {
            CloseIdleReaders();
        }
    }

    private void CloseIdleReaders()
    {
        while (_readers.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleReaders);
            idle.CloseForGood();
        }
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
                _writer = new StatementCachingConnection(await OpenSqliteConnectionAsync(ct));
            }
            return new WriterLease(_writer, owned: false, _writeLock);
        }
        catch
        {
            _writeLock.Release();
            throw;
        }
    }

    /// <summary>
    /// A new physical connection, configured. Microsoft.Data.Sqlite's pool is off: the factory keeps its own open
    /// connections (the writer, idle readers), whose prepared statements a pooled close would finalize.
    /// </summary>
    private async Task<SqliteConnection> OpenSqliteConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = SqlitePragmas;
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, true);
        CloseIdleReaders();
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
}
