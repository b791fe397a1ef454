using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SuperTickets.Data.Sqlite;

/// <summary>
/// A long-lived SQLite connection that keeps its statements prepared. Dapper creates and disposes a command for every
/// call, and Microsoft.Data.Sqlite compiles a command's SQL again for each new command; here each SQL text keeps one
/// <see cref="SqliteCommand"/> (and with it the compiled statement) for the life of the connection, up to
/// <see cref="Capacity"/> texts, least recently used evicted first. A text whose command is still in use (a reader
/// left open) gets a fresh, uncached command. Not thread-safe: one caller at a time, as SQLite's single writer is.
/// With <paramref name="release"/>, disposing hands the open connection back to its pool instead of closing it (a
/// transaction left open is rolled back first).
/// </summary>
public sealed class StatementCachingConnection(SqliteConnection inner, Action<StatementCachingConnection>? release = null) : DbConnection
{
    /// <summary>Distinct SQL texts kept prepared; the pipeline runs well under a hundred.</summary>
    public const int Capacity = 256;

    private readonly Dictionary<string, LinkedListNode<CachedStatement>> _cache = new(StringComparer.Ordinal);
    private readonly LinkedList<CachedStatement> _recent = new();
    private readonly Dictionary<string, PositionalStatement> _positional = new(StringComparer.Ordinal);
    private Action<StatementCachingConnection>? _release = release;
    private SqliteTransaction? _transaction;
    private int _leased = 1;

    public SqliteConnection Inner { get; } = inner;

    /// <summary>Statements currently prepared and kept.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>Positional statements prepared and kept (<see cref="Positional"/>).</summary>
    public int PositionalCount => _positional.Count;

    /// <summary>Executions that found their statement prepared (for tests and diagnostics).</summary>
    public long Hits { get; private set; }

    [AllowNull]
    public override string ConnectionString
    {
        get => Inner.ConnectionString;
        set => Inner.ConnectionString = value;
    }

    public override string Database => Inner.Database;

    public override string DataSource => Inner.DataSource;

    public override string ServerVersion => Inner.ServerVersion;

    public override ConnectionState State => Inner.State;

    public override void ChangeDatabase(string databaseName) => Inner.ChangeDatabase(databaseName);

    public override void Open() => Inner.Open();

    public override Task OpenAsync(CancellationToken cancellationToken) => Inner.OpenAsync(cancellationToken);

    /// <summary>Closing finalizes every kept statement (SQLite cannot keep them without the connection).</summary>
    public override void Close()
    {
        ClearCache();
        Inner.Close();
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => _transaction = Inner.BeginTransaction(isolationLevel);

    /// <summary>Marks a pooled connection as handed out again.</summary>
    public void MarkLeased() => Volatile.Write(ref _leased, 1);

    /// <summary>Closes the connection for good, whatever its pool.</summary>
    internal void CloseForGood()
    {
        _release = null;
        Dispose();
    }

    protected override DbCommand CreateDbCommand() => new CachedStatementCommand(this);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _release is { } release)
        {
            if (Interlocked.Exchange(ref _leased, 0) == 1)
            {
                if (_transaction is { Connection: not null } open)
                {
                    open.Dispose();
                }
                _transaction = null;
                release(this);
            }
            return;
        }
        if (disposing)
        {
            ClearCache();
            Inner.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>The kept command for <paramref name="sql"/>, leased to one caller; a fresh one if it is leased already.</summary>
    internal CachedStatement LeaseStatement(string sql)
    {
        if (_cache.TryGetValue(sql, out var node))
        {
            if (node.Value.Leased)
            {
                return new CachedStatement(sql, CreateInnerCommand(sql), cached: false) { Leased = true };
            }
            _recent.Remove(node);
            _recent.AddFirst(node);
            node.Value.Leased = true;
            Hits++;
            return node.Value;
        }
        var statement = new CachedStatement(sql, CreateInnerCommand(sql), cached: true) { Leased = true };
        _cache[sql] = _recent.AddFirst(statement);
        if (_cache.Count > Capacity)
        {
            var oldest = _recent.Last;
            while (oldest is { Value.Leased: true })
            {
                oldest = oldest.Previous;
            }
            if (oldest is not null)
            {
                _recent.Remove(oldest);
                _cache.Remove(oldest.Value.Sql);
                oldest.Value.Command.Dispose();
            }
        }
        return statement;
    }

    /// <summary>Returns a lease: the kept command drops its parameters and transaction; an uncached one is disposed.</summary>
    internal static void Return(CachedStatement statement)
    {
        statement.Leased = false;
        if (!statement.Cached)
        {
            statement.Command.Dispose();
            return;
        }
        statement.Command.Parameters.Clear();
        statement.Command.Transaction = null;
    }

    /// <summary>
    /// The positional statement for <paramref name="sql"/>, prepared on first use and kept for the life of the
    /// connection. The multi-row statements that use them come in a bounded number of shapes (a statement and its row
    /// count), so nothing is evicted; a caller holds one only while it binds and steps it, without awaiting.
    /// </summary>
    internal PositionalStatement Positional(string sql)
    {
        if (!_positional.TryGetValue(sql, out var statement))
        {
            statement = new PositionalStatement(Inner.Handle ?? throw new InvalidOperationException("The connection is not open."), sql);
            _positional[sql] = statement;
        }
        return statement;
    }

    internal SqliteCommand CreateInnerCommand(string sql)
    {
        var command = Inner.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void ClearCache()
    {
        foreach (var statement in _recent)
        {
            statement.Command.Dispose();
        }
        _recent.Clear();
        _cache.Clear();
        foreach (var statement in _positional.Values)
        {
            statement.Dispose();
        }
        _positional.Clear();
    }
}
