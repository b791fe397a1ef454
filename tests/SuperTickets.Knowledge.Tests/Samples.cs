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
    private static readonly Lazy<IReadOnlyList<LabelledEmail>> LazyEmails = new(LoadEmails);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string RepoRoot => Root.Value;

    public static IReadOnlyList<KbArticle> Articles => LazyArticles.Value;

    /// <summary>A shared index over the sample articles; tests must not modify it.</summary>
    public static KnowledgeIndex Index => LazyIndex.Value;

    /// <summary>Labelled queries; <see cref="LabelledQuery.Expected"/> is null for questions no article answers.</summary>
    public static IReadOnlyList<LabelledQuery> Queries => LazyQueries.Value;

    /// <summary>Labelled whole customer emails; <see cref="LabelledEmail.Expected"/> is null when a person must answer.</summary>
    public static IReadOnlyList<LabelledEmail> Emails => LazyEmails.Value;

    private static IReadOnlyList<LabelledQuery> LoadQueries() => ReadJsonLines<LabelledQuery>("kb-queries.jsonl");

    private static IReadOnlyList<LabelledEmail> LoadEmails() => ReadJsonLines<LabelledEmail>("kb-email-queries.jsonl");

    private static IReadOnlyList<T> ReadJsonLines<T>(string file) =>
        File.ReadLines(Path.Combine(Root.Value, "samples", file))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonSerializer.Deserialize<T>(line, Json)!)
            .ToList();

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
