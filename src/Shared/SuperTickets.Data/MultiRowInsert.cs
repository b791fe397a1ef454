using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace SuperTickets.Data;

/// <summary>
/// Multi-row INSERT statements built directly on ADO.NET. Their text varies with the row count, so going through
/// Dapper would emit and cache a new mapper per distinct statement; rows are bound positionally by name here. The text
/// of each shape (statement, row count) is built once, so on SQLite's kept writer connection each shape stays prepared.
/// </summary>
internal static class MultiRowInsert
{
    /// <summary>
    /// Rows per statement. On PostgreSQL 32: each statement is a round trip, so larger ones amortize it. On SQLite (in
    /// process, no round trip) about 64 parameters: it finds each parameter by name with a linear search of the
    /// statement's names, so binding a statement costs the square of its parameter count.
    /// </summary>
    public static int RowsPerStatement(DbProvider provider, int columns) =>
        provider == DbProvider.Postgres ? 32 : Math.Max(1, 64 / columns);

    private static readonly ConcurrentDictionary<(string Head, string Tail, int Rows, int Columns), string> Texts = new();
    private static readonly ConcurrentDictionary<(int Rows, int Columns), string[]> Names = new();

    public static DbCommand Create(DbSession session, string head, int rows, int columns, string tail, Func<int, int, object?> value)
    {
        var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        command.CommandText = Texts.GetOrAdd((head, tail, rows, columns), static key => BuildText(key.Head, key.Tail, key.Rows, key.Columns));
        var names = Names.GetOrAdd((rows, columns), static key => BuildNames(key.Rows, key.Columns));
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = names[row * columns + column];
                parameter.Value = Normalize(value(row, column));
                command.Parameters.Add(parameter);
            }
        }
        return command;
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
    private static object Normalize(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => instant.ToUniversalTime(),
        _ => value,
    };
}
