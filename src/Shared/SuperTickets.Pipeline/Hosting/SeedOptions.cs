namespace SuperTickets.Pipeline.Hosting;

/// <summary>Reference data loaded at start-up (idempotently): knowledge base, SLA policies, agents.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Folder of Markdown articles with front matter.</summary>
    public string? KnowledgeBaseDirectory { get; set; }

    /// <summary>JSON array of SLA policies; when absent the built-in defaults are stored once.</summary>
    public string? SlaPoliciesFile { get; set; }

    /// <summary>JSON array of agents (name, email, skills, languages, maxConcurrent, status).</summary>
    public string? AgentsFile { get; set; }
}
