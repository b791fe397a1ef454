using System.Data.Common;

namespace SuperTickets.Data;

/// <summary>
/// The connection and transaction of one unit of work (scoped). Stores take it as a parameter so that a
/// handler's writes, its outbox rows and its inbox row commit together.
/// </summary>
public sealed class DbSession(DbConnectionFactory factory) : IAsyncDisposable
{
    private readonly List<Func<DbSession, CancellationToken, Task>> _beforeCommit = [];
    private WriterLease? _writer;
    private DbConnection? _connection;
    private DbTransaction? _transaction;

    public DbProvider Provider => factory.Provider;

    public DbConnection Connection => _connection ?? throw new InvalidOperationException("The session has not begun.");

    /// <summary>The write transaction, or null for a read-only session.</summary>
    public DbTransaction? Transaction => _transaction;

    public bool IsActive => _transaction is not null;

    /// <summary>Opens a connection for reads only: no transaction and no write lock (WAL readers never block writers).</summary>
    public async Task OpenForReadAsync(CancellationToken ct)
    {
        if (_connection is not null)
        {
            throw new InvalidOperationException("The session is already open.");
        }
        _connection = await factory.OpenAsync(ct);
    }

    public async Task BeginAsync(CancellationToken ct)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("The session has already begun.");
        }
        _writer = await factory.OpenWriterAsync(ct);
        try
        {
            _connection = _writer.Connection;
            _transaction = await _connection.BeginTransactionAsync(ct);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="flush"/> inside the transaction just before it commits (for batched writes).</summary>
    public void BeforeCommit(Func<DbSession, CancellationToken, Task> flush)
    {
        if (!_beforeCommit.Contains(flush))
        {
            _beforeCommit.Add(flush);
        }
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        foreach (var flush in _beforeCommit)
        {
            await flush(this, ct);
        }
        await (_transaction ?? throw new InvalidOperationException("The session has no transaction.")).CommitAsync(ct);
        await EndAsync();
    }

    public async ValueTask DisposeAsync() => await EndAsync();

    private async Task EndAsync()
    {
        _beforeCommit.Clear();
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
        if (_writer is not null)
        {
            await _writer.DisposeAsync(); // the writer connection stays open for the next holder (SQLite)
            _writer = null;
        }
        else if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _connection = null;
    }
}
