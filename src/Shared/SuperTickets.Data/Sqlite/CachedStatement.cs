using Microsoft.Data.Sqlite;

namespace SuperTickets.Data.Sqlite;

/// <summary>One SQL text's command in <see cref="StatementCachingConnection"/>, and whether a caller holds it now.</summary>
internal sealed class CachedStatement(string sql, SqliteCommand command, bool cached)
{
    public string Sql { get; } = sql;

    public SqliteCommand Command { get; } = command;

    /// <summary>False for a one-off command made because the kept one was in use.</summary>
    public bool Cached { get; } = cached;

    public bool Leased { get; set; }
}
