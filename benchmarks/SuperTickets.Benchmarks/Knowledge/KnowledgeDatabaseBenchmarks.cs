using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Dapper;
using SuperTickets.Data;
using SuperTickets.Data.Knowledge;
using SuperTickets.Knowledge;
using SuperTickets.Testing;

namespace SuperTickets.Benchmarks.Knowledge;

/// <summary>
/// The full <see cref="DatabaseKnowledgeSearch"/> lookup (the database's full text fused with the in-process
/// vectors) over 100,000 synthetic articles plus the sample knowledge base, in SQLite (FTS5) and in a throw-away
/// PostgreSQL cluster. Setup loads the articles, then times every query of <see cref="LookupQueries.Mix"/> one by
/// one and prints p50/p95/p99 and how often a labelled question found its article first.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(KnowledgeLatencyConfig))]
public class KnowledgeDatabaseBenchmarks
{
    private PostgresServer? _server;
    private TestDatabase _database = null!;
    private DatabaseKnowledgeSearch _search = null!;
    private List<LookupQuery> _queries = null!;
    private int _next;

    [Params(DbProvider.Sqlite, DbProvider.Postgres)]
    public DbProvider Provider { get; set; }

    [Params(100_000)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> Lookup() => (await _search.SearchAsync(_queries[_next++ % _queries.Count].Text)).Count;

    private async Task SetupAsync()
    {
        var samples = KbMarkdown.LoadDirectory(Path.Combine(RepoPaths.Samples, "kb"));
        var synthetic = SyntheticKb.Articles(Articles);
        var articles = synthetic.Concat(samples).ToList();
        if (Provider == DbProvider.Postgres)
        {
            _server = new PostgresServer();
            await _server.InitializeAsync();
        }

        _database = await TestDatabase.CreateAsync(Provider, _server);
        var clock = Stopwatch.StartNew();
        await LoadAsync(_database, articles);
        Console.WriteLine($"// knowledge: loaded {articles.Count:N0} articles into {Provider} in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var index = KnowledgeIndex.Build(articles);
        Console.WriteLine($"// knowledge: built the in-process index in {clock.Elapsed.TotalSeconds:F1} s");
        var store = new KbSearchStore(_database.Factory);
        _search = new DatabaseKnowledgeSearch(index, async (terms, depth, language, ct) =>
            (await store.SearchAsync(terms, depth, language, ct)).Select(h => new KbTextMatch(h.Id, h.Score)).ToList());
        _queries = LookupQueries.Mix(RepoPaths.Samples, synthetic, 200);
        await ReportAsync();
    }

    private async Task ReportAsync()
    {
        var firsts = new Dictionary<string, string?>(StringComparer.Ordinal);
        await LatencyReport.MeasureAsync($"{Provider} at {Articles:N0} articles, DatabaseKnowledgeSearch", [.. _queries.Select(q => q.Text)], async q =>
            firsts[q] = (await _search.SearchAsync(q)).FirstOrDefault()?.Article.Id);
        foreach (var (half, name) in new[] { (_queries.Take(_queries.Count / 2), "as written"), (_queries.Skip(_queries.Count / 2), "with a typo") })
        {
            var labelled = half.Where(q => q.Expected is not null).ToList();
            var right = labelled.Count(q => firsts[q.Text] == q.Expected);
            Console.WriteLine($"// {Provider}: labelled questions {name}: {right}/{labelled.Count} find their article first");
        }
    }

    private async Task CleanupAsync()
    {
        await _database.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Inserts the articles through the product's store, in batches, then refreshes planner statistics.</summary>
    private static async Task LoadAsync(TestDatabase database, List<KbArticle> articles)
    {
        var store = new KbStore(database.Factory);
        foreach (var batch in articles.Chunk(5_000))
        {
            await store.UpsertAsync([.. batch.Select(ToRecord)], CancellationToken.None);
        }

        await using var connection = await database.Factory.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(database.Provider == DbProvider.Postgres ? "VACUUM ANALYZE kb_articles" : "ANALYZE kb_articles");
    }

    private static KbArticleRecord ToRecord(KbArticle a) => new()
    {
        Id = a.Id, Title = a.Title, Body = a.Body, Category = a.Category, TagsJson = JsonSerializer.Serialize(a.Tags),
        Language = a.Language, UpdatedAt = a.UpdatedAt,
    };
}
