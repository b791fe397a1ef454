using Dapper;

namespace SuperTickets.Data;

/// <summary>Shorthands that keep the session's transaction and the cancellation token on every command.</summary>
internal static class Sql
{
    public static CommandDefinition Cmd(this DbSession session, string sql, object? args, CancellationToken ct) =>
        new(sql, args, session.Transaction, cancellationToken: ct);

    /// <summary>
    /// Membership in a list bound as ONE parameter on both providers (an array on PostgreSQL, a JSON array read by
    /// <c>json_each</c> on SQLite), so the statement text does not vary with the list's length and stays prepared.
    /// Bind the values with <see cref="ListArg{T}"/>.
    /// </summary>
    public static string InArg(DbProvider provider, string parameter) =>
        provider == DbProvider.Postgres ? $"= ANY(@{parameter})" : $"IN (SELECT value FROM json_each(@{parameter}))";

    /// <summary>The value of an <see cref="InArg"/> parameter.</summary>
    public static object ListArg<T>(DbProvider provider, IEnumerable<T> values) =>
        provider == DbProvider.Postgres ? values.ToArray() : System.Text.Json.JsonSerializer.Serialize(values);

    public static CommandDefinition Cmd(string sql, object? args, CancellationToken ct) =>
        new(sql, args, cancellationToken: ct);
}
