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

    /// <summary>
    /// Dapper names parameters without a prefix ("id"); Microsoft.Data.Sqlite then searches the statement for the name
    /// as given and with each of ':', '@' and '$' in front, allocating a string and a UTF-8 copy for each try. Naming
    /// them "@id" once per statement makes binding one lookup.
    /// </summary>
    public void PrefixParameterNames()
    {
        var parameters = Command.Parameters;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            var name = parameter.ParameterName;
            if (name.Length > 0 && name[0] is not ('@' or ':' or '$'))
            {
                if (!_prefixed.TryGetValue(name, out var prefixed))
                {
                    prefixed = "@" + name;
                    _prefixed[name] = prefixed;
                }
                parameter.ParameterName = prefixed;
            }
        }
    }

    private readonly Dictionary<string, string> _prefixed = new(StringComparer.Ordinal);
}
