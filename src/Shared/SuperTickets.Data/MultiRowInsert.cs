using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace SuperTickets.Data;

/// <summary>
/// Multi-row INSERT statements built directly on ADO.NET. Their text varies with the row count, so going through
/// Dapper would emit and cache a new mapper per distinct statement; rows are bound positionally by name here.
/// </summary>
internal static class MultiRowInsert
{
    /// <summary>Rows per statement: large enough to amortize a statement, small enough to keep binding cheap.</summary>
    public const int RowsPerStatement = 32;

    public static DbCommand Create(DbSession session, string head, int rows, int columns, string tail, Func<int, int, object?> value)
    {
        var command = session.Connection.CreateCommand();
        command.Transaction = session.Transaction;
        var sql = new StringBuilder(head);
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? " (" : ", (");
            for (var column = 0; column < columns; column++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{row}_{column}");
                sql.Append(column == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = Normalize(value(row, column));
                command.Parameters.Add(parameter);
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(' ').Append(tail).ToString();
        return command;
    }

    /// <summary>Instants go in as UTC in the provider's own format, exactly as Dapper binds them elsewhere.</summary>
    private static object Normalize(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => instant.ToUniversalTime(),
        _ => value,
    };
}
