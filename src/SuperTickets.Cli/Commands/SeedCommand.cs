using System.CommandLine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Pipeline.Hosting;

namespace SuperTickets.Cli.Commands;

/// <summary>
/// <c>supertickets seed --provider postgres --connection "..." [--samples samples]</c>: loads the knowledge base,
/// SLA policies and agents into a migrated database, as the embedded run does at start-up. Safe to run again.
/// </summary>
public static class SeedCommand
{
    public static Command Create()
    {
        var provider = new Option<DbProvider>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => DbProvider.Sqlite };
        var connection = new Option<string>("--connection")
        {
            Description = "Connection string (for sqlite: Data Source=FILE)",
            DefaultValueFactory = _ => "Data Source=data/supertickets.db",
        };
        var samples = new Option<string>("--samples") { Description = "Folder with kb/, sla-policies.json and agents.json.", DefaultValueFactory = _ => "samples" };
        var command = new Command("seed", "Load reference data (knowledge base, SLA policies, agents) into a migrated database.") { provider, connection, samples };
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(samples)!;
            using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
            await using var factory = new DbConnectionFactory(parse.GetValue(provider), parse.GetValue(connection)!);
            var seed = new SeedService(
                new KbStore(factory),
                new SlaPolicyStore(factory),
                new AgentStore(factory, TimeProvider.System),
                Options.Create(new SeedOptions
                {
                    KnowledgeBaseDirectory = Path.Combine(folder, "kb"),
                    SlaPoliciesFile = Path.Combine(folder, "sla-policies.json"),
                    AgentsFile = Path.Combine(folder, "agents.json"),
                }),
                TimeProvider.System,
                loggers.CreateLogger<SeedService>());
            try
            {
                await seed.StartAsync(ct);
                Console.WriteLine($"Reference data loaded from {Path.GetFullPath(folder)}.");
                return 0;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidDataException or FormatException or System.Text.Json.JsonException)
            {
                Console.Error.WriteLine($"Seeding failed: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}
