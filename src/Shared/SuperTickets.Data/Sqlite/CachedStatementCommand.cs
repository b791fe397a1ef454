using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace SuperTickets.Data.Sqlite;

/// <summary>
/// The command <see cref="StatementCachingConnection"/> hands out. Setting the text leases the connection's kept
/// command for it; parameters and execution go to that command; disposing returns the lease. Parameters added before
/// any text go to a one-off command, which then stays uncached.
/// </summary>
internal sealed class CachedStatementCommand(StatementCachingConnection connection) : DbCommand
{
    private CachedStatement? _statement;
    private string _sql = "";
    private DbTransaction? _transaction;

    [AllowNull]
    public override string CommandText
    {
        get => _sql;
        set
        {
            value ??= "";
            if (value == _sql && (_statement is not null || value.Length == 0))
            {
                return;
            }
            if (_statement is { Cached: false } oneOff && _sql.Length == 0)
            {
                oneOff.Command.CommandText = value;
            }
            else
            {
                var previous = _statement;
                _statement = connection.LeaseStatement(value);
                if (previous is not null)
                {
                    var parameters = previous.Command.Parameters.Cast<SqliteParameter>().ToArray();
                    previous.Command.Parameters.Clear();
                    _statement.Command.Parameters.AddRange(parameters);
                    StatementCachingConnection.Return(previous);
                }
            }
            _sql = value;
        }
    }

    public override int CommandTimeout { get; set; } = 30;

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, connection))
            {
                throw new NotSupportedException("A command of a statement-caching connection cannot move to another connection.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => Leased(allowEmpty: true).Command.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => _transaction;
        set => _transaction = value;
    }

    public override void Cancel() => _statement?.Command.Cancel();

    public override int ExecuteNonQuery() => Current().ExecuteNonQuery();

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => Current().ExecuteNonQueryAsync(cancellationToken);

    public override object? ExecuteScalar() => Current().ExecuteScalar();

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => Current().ExecuteScalarAsync(cancellationToken);

    public override void Prepare() => Current().Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Current().ExecuteReader(behavior);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        await Current().ExecuteReaderAsync(behavior, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _statement is not null)
        {
            StatementCachingConnection.Return(_statement);
            _statement = null;
        }
        base.Dispose(disposing);
    }

    /// <summary>The leased command with this command's settings applied, its parameters named as the SQL names them.</summary>
    private SqliteCommand Current()
    {
        var statement = Leased(allowEmpty: false);
        statement.PrefixParameterNames();
        var command = statement.Command;
        command.Transaction = (SqliteTransaction?)_transaction;
        command.CommandTimeout = CommandTimeout;
        command.CommandType = CommandType;
        return command;
    }

    private CachedStatement Leased(bool allowEmpty)
    {
        if (_statement is null)
        {
            if (!allowEmpty)
            {
                throw new InvalidOperationException("The command has no text.");
            }
            _statement = new CachedStatement("", connection.CreateInnerCommand(""), cached: false) { Leased = true };
        }
        return _statement;
    }
}
