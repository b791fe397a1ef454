using System.Data.Common;
using System.Globalization;
using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Data;

/// <summary>Applies the embedded, numbered, forward-only migrations of a provider and records each version.</summary>
public sealed partial class MigrationRunner(DbConnectionFactory factory, ILogger<MigrationRunner> logger)
{
    public async Task<IReadOnlyList<string>> ApplyAsync(CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        if (factory.Provider == DbProvider.Sqlite)
        {
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLocks.Migrations }, cancellationToken: ct));
        }
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    applied_at  text NOT NULL
                )
                """, cancellationToken: ct));
            var applied = (await connection.QueryAsync<int>(new CommandDefinition(
                "SELECT version FROM schema_migrations", cancellationToken: ct))).ToHashSet();
            var done = new List<string>();
            foreach (var (version, name, sql) in Embedded(factory.Provider))
            {
                if (applied.Contains(version))
                {
                    continue;
                }
                await ApplyOneAsync(connection, version, name, sql, ct);
                LogApplied(logger, name, factory.Provider);
                done.Add(name);
            }
            return done;
        }
        finally
        {
            if (factory.Provider == DbProvider.Postgres)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLocks.Migrations });
            }
        }
    }

    public static IReadOnlyList<(int Version, string Name, string Sql)> Embedded(DbProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"Migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..];
                var version = int.Parse(name.AsSpan(0, name.IndexOf('_')), CultureInfo.InvariantCulture);
                return (version, name, Read(assembly, n));
            })
            .OrderBy(m => m.version)
            .ToList();
    }

    private static async Task ApplyOneAsync(DbConnection connection, int version, string name, string sql, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)",
            new { version, name, at = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) },
            transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} ({Provider})")]
    private static partial void LogApplied(ILogger logger, string migration, DbProvider provider);
}
