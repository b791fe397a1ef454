using System.CommandLine;
using Microsoft.Extensions.Logging;
using SuperTickets.Data;

namespace SuperTickets.Cli.Commands;

/// <summary><c>supertickets migrate --provider postgres --connection "..."</c>: applies pending migrations.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var provider = new Option<DbProvider>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => DbProvider.Sqlite };
        var connection = new Option<string>("--connection")
        {
            Description = "Connection string (for sqlite: Data Source=FILE)",
            DefaultValueFactory = _ => "Data Source=data/supertickets.db",
        };
        var command = new Command("migrate", "Apply the database migrations of a provider.") { provider, connection };
        command.SetAction(async (parse, ct) =>
        {
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
            await using var factory = new DbConnectionFactory(parse.GetValue(provider), parse.GetValue(connection)!);
            try
            {
                var applied = await new MigrationRunner(factory, loggers.CreateLogger<MigrationRunner>()).ApplyAsync(ct);
                Console.WriteLine(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
                return 0;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
            {
                Console.Error.WriteLine($"Migration failed: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
