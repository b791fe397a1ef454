using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SuperTickets.Data.Sqlite;

/// <summary>
/// A statement prepared once on a connection's handle and bound by position. Microsoft.Data.Sqlite binds every
/// parameter by name: it copies the name to UTF-8 and SQLite finds it with a linear search of the statement's names,
/// so binding a statement costs the square of its parameter count. The multi-row statements, which carry most of the
/// values the writer binds, go through here instead. Values take the forms the provider would store: integers,
/// reals, UTF-8 text and blobs; instants arrive already formatted (<see cref="SqliteInstant"/>).
/// Not thread-safe: one caller at a time, as the connection it belongs to.
/// </summary>
internal sealed class PositionalStatement : IReturnedRow, IDisposable
{
    private const uint PreparePersistent = 0x01;

    /// <summary>Text up to this many UTF-8 bytes is encoded into a per-thread buffer; longer text, rare, into its own array.</summary>
    private const int BufferedTextBytes = 64 * 1024;

    [ThreadStatic]
    private static byte[]? t_text;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public PositionalStatement(sqlite3 db, string sql)
    {
        _db = db;
        var rc = raw.sqlite3_prepare_v3(db, sql, PreparePersistent, out _statement, out string tail);
        if (rc != raw.SQLITE_OK)
        {
            _statement?.Dispose();
            throw Failure(rc);
        }
        if (!string.IsNullOrWhiteSpace(tail))
        {
            _statement.Dispose();
            throw new ArgumentException("A positional statement is one statement; the text goes on after the first.", nameof(sql));
        }
    }

    /// <summary>Binds <paramref name="value"/> to the parameter at <paramref name="index"/> (1-based, in order of the text).</summary>
    public void Bind(int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(_statement, index),
            string text => BindText(index, text),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            int number => raw.sqlite3_bind_int64(_statement, index, number),
            short number => raw.sqlite3_bind_int64(_statement, index, number),
            byte number => raw.sqlite3_bind_int64(_statement, index, number),
            bool flag => raw.sqlite3_bind_int64(_statement, index, flag ? 1 : 0),
            double real => raw.sqlite3_bind_double(_statement, index, real),
            float real => raw.sqlite3_bind_double(_statement, index, real),
            byte[] bytes => BindBlob(index, bytes),
            ReadOnlyMemory<byte> bytes => BindBlob(index, bytes.Span),
            Enum member => raw.sqlite3_bind_int64(_statement, index, Convert.ToInt64(member, System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"A positional SQLite statement does not bind values of type {value.GetType().Name}."),
        };
        if (rc != raw.SQLITE_OK)
        {
            throw Failure(rc);
        }
    }

    /// <summary>
    /// Steps the bound statement to its end, handing each returned row to <paramref name="read"/>, then resets it and
    /// clears its bindings, whether it succeeded or not.
    /// </summary>
    public void Run(Action<IReturnedRow>? read)
    {
        try
        {
            while (true)
            {
                var rc = raw.sqlite3_step(_statement);
                if (rc == raw.SQLITE_DONE)
                {
                    return;
                }
                if (rc != raw.SQLITE_ROW)
                {
                    throw Failure(rc);
                }
                read?.Invoke(this);
            }
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    public long GetInt64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string GetString(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Dispose() => _statement.Dispose();

    private int BindText(int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span has no address, and SQLite stores text without one as NULL.
            return raw.sqlite3_bind_text(_statement, index, "");
        }
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length > BufferedTextBytes)
        {
            return raw.sqlite3_bind_text(_statement, index, Encoding.UTF8.GetBytes(text).AsSpan());
        }
        var buffer = t_text ??= new byte[BufferedTextBytes];
        // SQLite copies the bytes before the call returns, so the buffer is free for the next value.
        var written = Encoding.UTF8.GetBytes(text, buffer);
        return raw.sqlite3_bind_text(_statement, index, buffer.AsSpan(0, written));
    }

    private int BindBlob(int index, ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? raw.sqlite3_bind_zeroblob(_statement, index, 0) : raw.sqlite3_bind_blob(_statement, index, bytes);

    private SqliteException Failure(int rc) =>
        new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
}

/// <summary>One row a multi-row statement's RETURNING clause gave back, on either provider.</summary>
internal interface IReturnedRow
{
    long GetInt64(int column);

    string GetString(int column);
}
