using System.Text.Json;

namespace SuperTickets.Knowledge.Tests;

/// <summary>The sample articles and labelled queries under samples/, loaded once per test run.</summary>
internal static class Samples
{
    private static readonly Lazy<string> Root = new(FindRepoRoot);
    private static readonly Lazy<IReadOnlyList<KbArticle>> LazyArticles =
        new(() => KbMarkdown.LoadDirectory(Path.Combine(Root.Value, "samples", "kb")));
    private static readonly Lazy<KnowledgeIndex> LazyIndex = new(() => KnowledgeIndex.Build(Articles));
    private static readonly Lazy<IReadOnlyList<LabelledQuery>> LazyQueries = new(LoadQueries);

    public static string RepoRoot => Root.Value;

    public static IReadOnlyList<KbArticle> Articles => LazyArticles.Value;

    /// <summary>A shared index over the sample articles; tests must not modify it.</summary>
    public static KnowledgeIndex Index => LazyIndex.Value;

    /// <summary>Labelled queries; <see cref="LabelledQuery.Expected"/> is null for questions no article answers.</summary>
    public static IReadOnlyList<LabelledQuery> Queries => LazyQueries.Value;

    private static IReadOnlyList<LabelledQuery> LoadQueries()
    {
        var path = Path.Combine(Root.Value, "samples", "kb-queries.jsonl");
        return File.ReadLines(path)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<LabelledQuery>(line, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
            .ToList();
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SuperTickets.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SuperTickets.sln not found above " + AppContext.BaseDirectory);
    }
}
