using System.Data.Common;

namespace SuperTickets.Data;

/// <summary>
/// A connection to write on, held with the write lock (SQLite) until disposed. The kept SQLite writer connection stays
/// open for the next holder; a pooled PostgreSQL connection goes back to its pool.
/// </summary>
public sealed class WriterLease(DbConnection connection, bool owned, SemaphoreSlim? writeLock) : IAsyncDisposable
{
    private int _disposed;

    public DbConnection Connection { get; } = connection;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        try
        {
            if (owned)
            {
                await Connection.DisposeAsync();
            }
        }
        finally
        {
            writeLock?.Release();
        }
    }
}
