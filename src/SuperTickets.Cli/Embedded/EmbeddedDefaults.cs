using System.Globalization;

namespace SuperTickets.Cli.Embedded;

/// <summary>
/// The one-command configuration: SQLite under the data folder, drop folders for mail in and out, the samples
/// as reference data. Lowest precedence: appsettings and SUPERTICKETS-style environment variables override it.
/// </summary>
public static class EmbeddedDefaults
{
    public static Dictionary<string, string?> For(string dataDirectory, string samplesDirectory) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["Database:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "supertickets.db")}",
        ["Database:MigrateOnStart"] = "true",
        ["Messaging:ReclaimFreshRowsOnStart"] = "true",
        ["Messaging:MaxConcurrentPreparations"] = Math.Max(1, Environment.ProcessorCount - 1).ToString(CultureInfo.InvariantCulture),
        ["Mail:SupportAddress"] = "support@nimbus.example",
        ["Mail:SupportName"] = "Nimbus Support",
        ["Mail:MessageIdDomain"] = "support.nimbus.example",
        ["Mail:OutboxDirectory"] = Path.Combine(dataDirectory, "outbox"),
        ["Ingest:DropFolders:0:Id"] = "samples",
        ["Ingest:DropFolders:0:Path"] = Path.Combine(samplesDirectory, "inbox"),
        ["Ingest:DropFolders:0:Address"] = "support@nimbus.example",
        ["Ingest:DropFolders:0:Consume"] = "false",
        ["Ingest:DropFolders:1:Id"] = "inbox",
        ["Ingest:DropFolders:1:Path"] = Path.Combine(dataDirectory, "inbox"),
        ["Ingest:DropFolders:1:Address"] = "support@nimbus.example",
        ["Ingest:DropFolders:1:Consume"] = "true",
        ["Seed:KnowledgeBaseDirectory"] = Path.Combine(samplesDirectory, "kb"),
        ["Seed:SlaPoliciesFile"] = Path.Combine(samplesDirectory, "sla-policies.json"),
        ["Seed:AgentsFile"] = Path.Combine(samplesDirectory, "agents.json"),
        ["Triage:VipDomains:0"] = "globex.example.com",
        ["Triage:AlertKeywords:0"] = "data breach",
        ["Triage:AlertKeywords:1"] = "security",
        ["Triage:AlertKeywords:2"] = "lawyer",
    };
}
