using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Knowledge;
using SuperTickets.Messaging;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Hosting;

/// <summary>Loads the configured reference data before the stages start. Re-running it changes nothing.</summary>
public sealed partial class SeedService(
    KbStore kb,
    SlaPolicyStore policies,
    AgentStore agents,
    IOptions<SeedOptions> options,
    TimeProvider clock,
    ILogger<SeedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seed = options.Value;
        if (seed.KnowledgeBaseDirectory is { } kbDirectory)
        {
            var articles = ReadArticles(kbDirectory);
            await kb.UpsertAsync(articles, cancellationToken);
            LogSeeded(logger, articles.Count, "knowledge-base articles", kbDirectory);
        }
        var existing = await policies.ListAsync(cancellationToken);
        if (seed.SlaPoliciesFile is { } policyFile && File.Exists(policyFile))
        {
            var fromFile = JsonSerializer.Deserialize<List<SlaPolicyRecord>>(await File.ReadAllTextAsync(policyFile, cancellationToken), MessageSerializer.JsonOptions) ?? [];
            await policies.UpsertAsync(fromFile.Select(p => p with { UpdatedAt = clock.GetUtcNow() }).ToList(), cancellationToken);
            LogSeeded(logger, fromFile.Count, "SLA policies", policyFile);
        }
        else if (existing.Count == 0)
        {
            await policies.UpsertAsync(SlaPolicySet.Defaults.Policies.Select(ToRecord).ToList(), cancellationToken);
            LogSeeded(logger, SlaPolicySet.Defaults.Policies.Count, "SLA policies", "built-in defaults");
        }
        if (seed.AgentsFile is { } agentFile && File.Exists(agentFile))
        {
            var list = JsonSerializer.Deserialize<List<AgentSeed>>(await File.ReadAllTextAsync(agentFile, cancellationToken), MessageSerializer.JsonOptions) ?? [];
            foreach (var agent in list)
            {
                await agents.UpsertAsync(new AgentRecord
                {
                    Name = agent.Name,
                    Email = agent.Email,
                    SkillsJson = JsonSerializer.Serialize(agent.Skills),
                    LanguagesJson = JsonSerializer.Serialize(agent.Languages),
                    MaxConcurrent = agent.MaxConcurrent,
                    Status = agent.Status,
                }, cancellationToken);
            }
            LogSeeded(logger, list.Count, "agents", agentFile);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static List<KbArticleRecord> ReadArticles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Seed:KnowledgeBaseDirectory '{directory}' does not exist.");
        }
        return Directory.EnumerateFiles(directory, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(file => KbMarkdown.Parse(Path.GetFileName(file), File.ReadAllText(file)))
            .Select(a => new KbArticleRecord
            {
                Id = a.Id,
                Title = a.Title,
                Body = a.Body,
                Category = a.Category,
                TagsJson = JsonSerializer.Serialize(a.Tags),
                Language = a.Language,
                UpdatedAt = a.UpdatedAt.ToUniversalTime(),
            })
            .ToList();
    }

    private SlaPolicyRecord ToRecord(SlaPolicy p) => new()
    {
        Id = p.Id,
        Name = p.Name,
        Priority = p.Priority,
        Category = p.Category,
        CustomerTier = p.CustomerTier,
        FirstResponseMinutes = (int)p.FirstResponse.TotalMinutes,
        ResolutionMinutes = (int)p.Resolution.TotalMinutes,
        WarningFraction = p.WarningFraction,
        UseBusinessHours = p.UseBusinessHours,
        CalendarId = p.CalendarId,
        Enabled = p.Enabled,
        UpdatedAt = clock.GetUtcNow(),
    };

    private sealed record AgentSeed(string Name, string Email, List<string> Skills, List<string> Languages, int MaxConcurrent, string Status = "available");

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} {What} from {Source}")]
    private static partial void LogSeeded(ILogger logger, int count, string what, string source);
}
