using Dapper;

namespace SuperTickets.Data;

/// <summary>Shorthands that keep the session's transaction and the cancellation token on every command.</summary>
internal static class Sql
{
    public static CommandDefinition Cmd(this DbSession session, string sql, object? args, CancellationToken ct) =>
        new(sql, args, session.Transaction, cancellationToken: ct);

    /// <summary>Membership in a list parameter: an array on PostgreSQL, an expanded list elsewhere.</summary>
    public static string InList(DbProvider provider, string parameter) =>
        provider == DbProvider.Postgres ? $"= ANY(@{parameter})" : $"IN @{parameter}";

    public static CommandDefinition Cmd(string sql, object? args, CancellationToken ct) =>
        new(sql, args, cancellationToken: ct);
}
