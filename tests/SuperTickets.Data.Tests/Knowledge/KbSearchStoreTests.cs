using Dapper;
using SuperTickets.Data.Knowledge;
using SuperTickets.Testing;

namespace SuperTickets.Data.Tests.Knowledge;

[Collection(PostgresCollection.Name)]
public sealed class KbSearchStoreTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 30, 0, TimeSpan.Zero);

    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    private static KbArticleRecord Article(string id, string title, string body, string tags, string language = "en") => new()
    {
        Id = id, Title = title, Body = body, Category = "general", TagsJson = tags, Language = language, UpdatedAt = Now,
    };

    private static readonly KbArticleRecord[] Seed =
    [
        Article("reset-password", "Resetting your password", "Select Forgot password on the sign-in page and follow the emailed link.", "[\"password\",\"login\"]"),
        Article("account-locked", "Account locked after failed sign-in attempts", "After five failed attempts sign-in is blocked for fifteen minutes.", "[\"locked\",\"sign-in\"]"),
        Article("download-invoices", "Downloading invoices and receipts", "Open Settings, Billing, Billing history and download each invoice as a PDF.", "[\"invoice\",\"receipt\",\"pdf\"]"),
        Article("webhook-setup", "Configuring webhooks", "Add an HTTPS endpoint under Developers and verify the signature header of each delivery.", "[\"webhook\",\"api\"]"),
        Article("reset-password-de", "Passwort zurücksetzen", "Wählen Sie auf der Anmeldeseite Passwort vergessen und folgen Sie dem Link.", "[\"passwort\",\"anmelden\"]", "de"),
    ];

    private async Task<(TestDatabase Db, KbSearchStore Search, KbStore Store)> SeededAsync(DbProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider, postgres);
        var store = new KbStore(db.Factory);
        await store.UpsertAsync(Seed, default);
        return (db, new KbSearchStore(db.Factory), store);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Matching_article_ranks_first_with_a_positive_score(DbProvider provider)
    {
        var (db, search, _) = await SeededAsync(provider);
        await using var _db = db;

        var hits = await search.SearchAsync("How do I download my invoices as PDF?", 3, null, default);

        Assert.Equal("download-invoices", hits[0].Id);
        Assert.True(hits[0].Score > 0);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Title_outweighs_a_passing_mention_in_another_body(DbProvider provider)
    {
        var (db, search, _) = await SeededAsync(provider);
        await using var _db = db;

        var hits = await search.SearchAsync("locked account", 5, null, default);

        Assert.Equal("account-locked", hits[0].Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Language_filter_keeps_only_that_language(DbProvider provider)
    {
        var (db, search, _) = await SeededAsync(provider);
        await using var _db = db;

        var hits = await search.SearchAsync("Passwort vergessen password", 5, "DE", default);

        Assert.Equal("reset-password-de", Assert.Single(hits).Id);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Updates_and_deletes_reach_the_search_index(DbProvider provider)
    {
        var (db, search, store) = await SeededAsync(provider);
        await using var _db = db;

        await store.UpsertAsync([Seed[3] with { Title = "Configuring callbacks", Body = "Register a zeppelin endpoint.", TagsJson = "[]" }], default);
        Assert.Equal("webhook-setup", Assert.Single(await search.SearchAsync("zeppelin", 5, null, default)).Id);
        Assert.DoesNotContain(await search.SearchAsync("signature", 5, null, default), h => h.Id == "webhook-setup");

        await store.DeleteAsync("webhook-setup", default);
        Assert.DoesNotContain(await search.SearchAsync("zeppelin callbacks", 5, null, default), h => h.Id == "webhook-setup");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sql_and_search_syntax_in_the_query_are_plain_words(DbProvider provider)
    {
        var (db, search, _) = await SeededAsync(provider);
        await using var _db = db;
        string[] hostile =
        [
            "'; DROP TABLE kb_articles; --",
            "\" OR 1=1 --",
            "title:password NEAR(reset login) * ^body",
            "password\" AND \"",
            "!!! ((( ))) & | <-> :* '",
            "invoice' UNION SELECT id, 1 FROM kb_articles --",
        ];

        foreach (var query in hostile)
        {
            await search.SearchAsync(query, 5, null, default);
        }

        var hits = await search.SearchAsync("password\" AND \"", 5, null, default);
        Assert.Contains(hits, h => h.Id == "reset-password");
        await using var connection = await db.Factory.OpenAsync(default);
        Assert.Equal(Seed.Length, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM kb_articles"));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Query_without_words_returns_nothing(DbProvider provider)
    {
        var (db, search, _) = await SeededAsync(provider);
        await using var _db = db;

        Assert.Empty(await search.SearchAsync(" ?! -- ", 5, null, default));
    }

    [Fact]
    public async Task Postgres_finds_misspelled_titles_by_trigram_similarity()
    {
        var (db, search, _) = await SeededAsync(DbProvider.Postgres);
        await using var _db = db;

        var hits = await search.SearchAsync("webhoks configuraton", 3, null, default);

        Assert.Equal("webhook-setup", hits[0].Id);
    }

    [Fact]
    public async Task Postgres_corrects_a_misspelled_body_word_to_the_words_articles_contain()
    {
        var (db, search, store) = await SeededAsync(DbProvider.Postgres);
        await using var _db = db;
        await store.UpsertAsync([Article("quota", "Usage limits", "Each workspace has a monthly allowance of tokens.", "[]")], default);

        var hits = await search.SearchAsync("alowance", 3, null, default);

        Assert.Equal("quota", Assert.Single(hits).Id);
        Assert.Empty(await search.SearchAsync("zzyzx", 3, null, default));
    }

    [Fact]
    public async Task Postgres_lexicon_follows_inserted_and_updated_articles()
    {
        var (db, _, store) = await SeededAsync(DbProvider.Postgres);
        await using var _db = db;
        await store.UpsertAsync([Seed[0] with { Body = "Use the Marmalade recovery code." }], default);

        await using var connection = await db.Factory.OpenAsync(default);
        var words = (await connection.QueryAsync<string>("SELECT word FROM kb_words")).ToHashSet();
        Assert.Contains("marmalade", words);
        Assert.Contains("invoices", words);
        Assert.Contains("webhook", words);
    }

    [Fact]
    public void Search_terms_are_plain_lowercase_words_capped_in_number()
    {
        var words = KbSearchTerms.Words("Reset \"my\" PASSWORD; reset -- NEAR(x) " + string.Join(' ', Enumerable.Range(0, 50).Select(i => "w" + i)));

        Assert.Equal(["reset", "my", "password", "near"], words.Take(4));
        Assert.Equal(KbSearchTerms.MaxWords, words.Count);
        Assert.All(words, w => Assert.True(w.All(char.IsLetterOrDigit)));
        Assert.Equal("\"reset\" OR \"my\"", KbSearchTerms.Fts5Match(["reset", "my"]));
    }
}
