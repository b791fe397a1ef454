using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text;
using SuperTickets.Data.Sqlite;

namespace SuperTickets.Data;

/// <summary>
/// Multi-row statements built directly on ADO.NET: a head ending in <c>VALUES</c>, one row per item, and a tail. The
/// caller gives the row count and each cell; the rows are split into statements here, as each provider binds best:
/// on PostgreSQL 32 rows per statement (each statement is a round trip, so larger ones amortize it). On SQLite's kept
/// writer connection, up to 64 rows per statement bound by position (<see cref="PositionalStatement"/>); on any other
/// SQLite connection about 64 parameters, because Microsoft.Data.Sqlite finds each parameter by name with a linear
/// search of the statement's names, so binding a statement costs the square of its parameter count. The text of each
/// shape (statement, row count) is built once, so on the kept connection each shape stays prepared.
/// </summary>
/// <remarks>
/// Binding all of a statement's rows on SQLite as one JSON parameter expanded with <c>json_each</c> was measured and
/// not kept: it removed the binding cost but SQLite's JSON work on wide rows with long text cost more.
/// </remarks>
internal static class MultiRowInsert
{
    private const int PostgresRowsPerStatement = 32;
    private const int SqliteParametersPerStatement = 64;
    private const int SqliteRowsPerStatement = 64;
    /// <summary>Below SQLite's default limit of 32,766 host parameters, with room to spare.</summary>
    private const int SqliteMaxParameters = 4096;

    private static readonly ConcurrentDictionary<(string Head, string Tail, int Rows, int Columns), string> Texts = new();
    private static readonly ConcurrentDictionary<(int Rows, int Columns), string[]> Names = new();

    /// <summary>Runs the statement over rows 0..<paramref name="rows"/>−1; <paramref name="value"/> gives cell (row, column).</summary>
    public static Task ExecuteAsync(DbSession session, string head, int rows, int columns, string tail, Func<int, int, object?> value, CancellationToken ct) =>
        RunAsync(session, head, rows, columns, tail, value, read: null, ct);

    /// <summary>As <see cref="ExecuteAsync"/>, for a statement with a RETURNING tail: each returned row goes to <paramref name="read"/>.</summary>
    public static Task QueryAsync(DbSession session, string head, int rows, int columns, string tail, Func<int, int, object?> value,
        Action<IReturnedRow> read, CancellationToken ct) =>
        RunAsync(session, head, rows, columns, tail, value, read, ct);

    private static async Task RunAsync(DbSession session, string head, int rows, int columns, string tail,
        Func<int, int, object?> value, Action<IReturnedRow>? read, CancellationToken ct)
    {
        var sqlite = session.Provider == DbProvider.Sqlite;
        if (sqlite && session.Connection is StatementCachingConnection kept)
        {
            RunPositional(kept, head, rows, columns, tail, value, read);
            return;
        }
        var rowsPerStatement = sqlite ? Math.Max(1, SqliteParametersPerStatement / columns) : PostgresRowsPerStatement;
        for (var start = 0; start < rows; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows - start);
            await using var command = NewCommand(session, Text(head, tail, count, columns));
            var names = Names.GetOrAdd((count, columns), static key => BuildNames(key.Rows, key.Columns));
            for (var row = 0; row < count; row++)
            {
                for (var column = 0; column < columns; column++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = names[row * columns + column];
                    parameter.Value = Normalize(value(start + row, column), sqlite);
                    command.Parameters.Add(parameter);
                }
            }
            await ExecuteCommandAsync(command, read, ct);
        }
    }

    /// <summary>
    /// On a kept SQLite connection the statements are prepared once and bound by position, which costs the same per
    /// value whatever the statement's size, so they take up to <see cref="SqliteRowsPerStatement"/> rows. The rest
    /// of a batch goes in power-of-two row counts, so each statement has at most seven shapes to keep prepared.
    /// </summary>
    private static void RunPositional(StatementCachingConnection connection, string head, int rows, int columns, string tail,
        Func<int, int, object?> value, Action<IReturnedRow>? read)
    {
        var rowsPerStatement = Math.Max(1, Math.Min(SqliteRowsPerStatement, SqliteMaxParameters / columns));
        for (var start = 0; start < rows;)
        {
            var count = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Min(rowsPerStatement, rows - start) + 1) / 2;
            var statement = connection.Positional(Text(head, tail, count, columns));
            var index = 1;
            for (var row = 0; row < count; row++)
            {
                for (var column = 0; column < columns; column++)
                {
                    statement.Bind(index++, Normalize(value(start + row, column), sqlite: true));
                }
            }
            statement.Run(read);
            start += count;
        }
    }

    private static string Text(string head, string tail, int rows, int columns) =>
        Texts.GetOrAdd((head, tail, rows, columns), static key => BuildText(key.Head, key.Tail, key.Rows, key.Columns));

    private static DbCommand NewCommand(DbSession session, string text)
    {
        var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = text;
        return command;
    }

    private static async Task ExecuteCommandAsync(DbCommand command, Action<IReturnedRow>? read, CancellationToken ct)
    {
        if (read is null)
        {
            await command.ExecuteNonQueryAsync(ct);
            return;
        }
        await using var reader = await command.ExecuteReaderAsync(ct);
        var row = new ReaderRow(reader);
        while (await reader.ReadAsync(ct))
        {
            read(row);
        }
    }

    private sealed class ReaderRow(DbDataReader reader) : IReturnedRow
    {
        public long GetInt64(int column) => reader.GetInt64(column);

        public string GetString(int column) => reader.GetString(column);
    }

    private static string[] BuildNames(int rows, int columns)
    {
        var names = new string[rows * columns];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = string.Create(CultureInfo.InvariantCulture, $"@p{i / columns}_{i % columns}");
        }
        return names;
    }

    private static string BuildText(string head, string tail, int rows, int columns)
    {
        var names = Names.GetOrAdd((rows, columns), static key => BuildNames(key.Rows, key.Columns));
        var sql = new StringBuilder(head);
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? " (" : ", (");
            for (var column = 0; column < columns; column++)
            {
                sql.Append(column == 0 ? "" : ", ").Append(names[row * columns + column]);
            }
            sql.Append(')');
        }
        return sql.Append(' ').Append(tail).ToString();
    }

    /// <summary>Instants go in as UTC in the provider's own format, exactly as Dapper binds them elsewhere.</summary>
    private static object Normalize(object? value, bool sqlite) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => sqlite ? SqliteInstant.Format(instant) : instant.ToUniversalTime(),
        ReadOnlyMemory<byte> bytes => bytes.ToArray(),
        _ => value,
    };
}
