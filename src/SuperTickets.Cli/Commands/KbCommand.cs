using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using SuperTickets.Data;
using SuperTickets.Data.Knowledge;
using SuperTickets.Knowledge;
using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Cli.Commands;

/// <summary>
/// <c>supertickets kb import PATH</c> (a folder of Markdown articles with front matter, or a .csv file) and
/// <c>supertickets kb search "query" [--json] [--top N] [--language xx]</c>, against the configured database
/// (migrations are applied first).
/// </summary>
public static class KbCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var command = new Command("kb", "Import and search knowledge-base articles.");
        command.Subcommands.Add(ImportCommand());
        command.Subcommands.Add(SearchCommand());
        return command;
    }

    private static (Option<DbProvider> Provider, Option<string> Connection) DatabaseOptions()
    {
        var provider = new Option<DbProvider>("--provider") { Description = "sqlite or postgres", DefaultValueFactory = _ => DbProvider.Sqlite };
        var connection = new Option<string>("--connection")
        {
            Description = "Connection string (for sqlite: Data Source=FILE)",
            DefaultValueFactory = _ => "Data Source=data/supertickets.db",
        };
        return (provider, connection);
    }

    private static Command ImportCommand()
    {
        var (provider, connection) = DatabaseOptions();
        var path = new Argument<string>("path") { Description = "Folder of Markdown articles (*.md with front matter) or a .csv file" };
        var command = new Command("import", "Import articles into the database (existing ids are updated).") { path, provider, connection };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<KbArticle> articles;
            try
            {
                articles = Load(parse.GetValue(path)!);
            }
            catch (Exception ex) when (ex is KbFormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Import failed: {ex.Message}");
                return 1;
            }

            return await WithDatabaseAsync(parse.GetValue(provider), parse.GetValue(connection)!, async factory =>
            {
                await new KbStore(factory).UpsertAsync(articles.Select(ToRecord).ToList(), ct);
                Console.WriteLine($"Imported {articles.Count} article(s).");
                return 0;
            }, ct);
        });
        return command;
    }

    private static Command SearchCommand()
    {
        var (provider, connection) = DatabaseOptions();
        var query = new Argument<string>("query") { Description = "A question or a whole email (first line = subject)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var top = new Option<int>("--top") { Description = "Number of results", DefaultValueFactory = _ => 5 };
        var language = new Option<string?>("--language") { Description = "Only articles in this language (ISO 639-1)" };
        var command = new Command("search", "Search the knowledge base (database full text fused with vector similarity) and show whether the top article would be sent as an automatic answer.")
        {
            query, json, top, language, provider, connection,
        };
        command.SetAction(async (parse, ct) =>
        {
            var n = parse.GetValue(top);
            if (n < 1)
            {
                Console.Error.WriteLine("--top must be at least 1.");
                return 2;
            }

            return await WithDatabaseAsync(parse.GetValue(provider), parse.GetValue(connection)!, async factory =>
            {
                var text = parse.GetValue(query)!;
                var lang = parse.GetValue(language);
                var index = KnowledgeIndex.Build((await new KbStore(factory).ListAsync(ct)).Select(KnowledgeBase.ToArticle));
                var store = new KbSearchStore(factory);
                var search = new DatabaseKnowledgeSearch(index, async (terms, depth, l, token) =>
                    (await store.SearchAsync(terms, depth, l, token)).Select(h => new KbTextMatch(h.Id, h.Score)).ToList());
                var hits = await search.SearchAsync(text, n, lang, ct);
                var decision = index.Decide(text, 0.8, lang);
                Console.WriteLine(parse.GetValue(json) ? ToJson(hits, decision) : ToText(hits, decision));
                return 0;
            }, ct);
        });
        return command;
    }

    private static IReadOnlyList<KbArticle> Load(string path)
    {
        if (Directory.Exists(path))
        {
            return KbMarkdown.LoadDirectory(path);
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(path);
            return KbCsv.Read(Path.GetFileName(path), reader, DateTimeOffset.UtcNow);
        }

        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return [KbMarkdown.Parse(Path.GetFileName(path), File.ReadAllText(path))];
        }

        throw new IOException($"'{path}' is neither a folder of Markdown articles nor a .csv or .md file.");
    }

    private static async Task<int> WithDatabaseAsync(DbProvider provider, string connection, Func<DbConnectionFactory, Task<int>> run, CancellationToken ct)
    {
        try
        {
            await using var factory = new DbConnectionFactory(provider, connection);
            await new MigrationRunner(factory, NullLogger<MigrationRunner>.Instance).ApplyAsync(ct);
            return await run(factory);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"Database error: {ex.Message}");
            return 1;
        }
    }

    private static KbArticleRecord ToRecord(KbArticle a) => new()
    {
        Id = a.Id,
        Title = a.Title,
        Body = a.Body,
        Category = a.Category,
        TagsJson = JsonSerializer.Serialize(a.Tags),
        Language = a.Language,
        UpdatedAt = a.UpdatedAt.ToUniversalTime(),
    };

    private static string ToText(IReadOnlyList<KbHit> hits, KbAnswerability decision)
    {
        if (hits.Count == 0)
        {
            return "No matching articles.";
        }

        var lines = hits.Select((h, i) =>
            $"{i + 1,2}. {h.Article.Id,-28} score={h.Score:F3} text={h.TextScore:F3} similarity={h.Similarity:F2}  {h.Article.Title}").ToList();
        var concerns = decision.Evidence?.Concerns is { Count: > 0 } c ? $" concerns: {string.Join(", ", c)}" : "";
        lines.Add(decision.IsAnswerable
            ? $"Answerable: '{decision.Best!.Article.Id}' (confidence {decision.Confidence:F2} ≥ {decision.Threshold:F2})"
            : $"Needs a person (confidence {decision.Confidence:F2} < {decision.Threshold:F2}{(decision.Best is { } b ? $" for '{b.Article.Id}'" : "")}){concerns}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string ToJson(IReadOnlyList<KbHit> hits, KbAnswerability decision) => JsonSerializer.Serialize(new
    {
        results = hits.Select(h => new { id = h.Article.Id, title = h.Article.Title, language = h.Article.Language, score = h.Score, textScore = h.TextScore, similarity = h.Similarity }),
        decision = new
        {
            article = decision.Best?.Article.Id,
            confidence = decision.Confidence,
            threshold = decision.Threshold,
            answerable = decision.IsAnswerable,
            concerns = decision.Evidence?.Concerns.Select(c => c.ToString()) ?? [],
        },
    }, Json);
}
