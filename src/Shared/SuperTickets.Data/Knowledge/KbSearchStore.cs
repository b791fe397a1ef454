using System.Data.Common;
using Dapper;

namespace SuperTickets.Data.Knowledge;

/// <summary>
/// Full-text search over <c>kb_articles</c> in the database. PostgreSQL: the weighted tsvector ranked by
/// ts_rank_cd, the query parsed by websearch_to_tsquery in the article language's configuration (or English
/// and 'simple' without a language), topped up with trigram word similarity on titles when full text finds
/// too little (typos). SQLite: FTS5 ranked by bm25() with title, tags and body weighted 10 : 5 : 1. Input is
/// reduced to plain words first (<see cref="KbSearchTerms"/>) and always bound as a parameter.
/// </summary>
public sealed class KbSearchStore(DbConnectionFactory factory)
{
    private const string TrigramThreshold = "0.3";

    /// <summary>The best <paramref name="top"/> articles for <paramref name="query"/>, best first, optionally
    /// only those in <paramref name="language"/>.</summary>
    public async Task<IReadOnlyList<KbTextHit>> SearchAsync(string query, int top, string? language, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var words = KbSearchTerms.Words(query);
        if (words.Count == 0)
        {
            return [];
        }

        language = language?.ToLowerInvariant();
        await using var connection = await factory.OpenAsync(ct);
        return factory.Provider == DbProvider.Postgres
            ? await PostgresAsync(connection, words, top, language, ct)
            : await SqliteAsync(connection, words, top, language, ct);
    }

    private static async Task<IReadOnlyList<KbTextHit>> PostgresAsync(DbConnection connection, IReadOnlyList<string> words, int top, string? language, CancellationToken ct)
    {
        const string fullText = """
            SELECT id, ts_rank_cd(search_vector, q)::float8 AS score
            FROM kb_articles,
                 (SELECT websearch_to_tsquery(kb_search_config(coalesce(@language, 'en')), @text)
                      || websearch_to_tsquery('simple', @text) AS q) AS query
            WHERE search_vector @@ q AND (@language::text IS NULL OR language = @language)
            ORDER BY score DESC, id
            LIMIT @top
            """;
        const string trigram = """
            SELECT id, word_similarity(@text, title)::float8 AS score
            FROM kb_articles
            WHERE @text <% title AND (@language::text IS NULL OR language = @language)
            ORDER BY score DESC, id
            LIMIT @top
            """;
        var text = KbSearchTerms.WebSearchOr(words);
        var hits = await QueryAsync(connection, fullText, new { text, language, top }, ct);
        if (hits.Count >= top)
        {
            return hits;
        }

        var plain = string.Join(' ', words);
        await connection.ExecuteAsync(new CommandDefinition(
            "SELECT set_config('pg_trgm.word_similarity_threshold', @threshold, false)", new { threshold = TrigramThreshold }, cancellationToken: ct));
        var fuzzy = await QueryAsync(connection, trigram, new { text = plain, language, top }, ct);
        var found = hits.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var floor = hits.Count == 0 ? 1.0 : hits.Min(h => h.Score);
        hits.AddRange(fuzzy.Where(h => found.Add(h.Id)).Take(top - hits.Count).Select(h => h with { Score = floor * h.Score * 0.5 }));
        return hits;
    }

    private static async Task<IReadOnlyList<KbTextHit>> SqliteAsync(DbConnection connection, IReadOnlyList<string> words, int top, string? language, CancellationToken ct)
    {
        const string sql = """
            SELECT a.id AS id, -bm25(kb_articles_fts, 10.0, 5.0, 1.0) AS score
            FROM kb_articles_fts JOIN kb_articles a ON a.rowid = kb_articles_fts.rowid
            WHERE kb_articles_fts MATCH @match AND (@language IS NULL OR a.language = @language)
            ORDER BY bm25(kb_articles_fts, 10.0, 5.0, 1.0), a.id
            LIMIT @top
            """;
        var match = KbSearchTerms.Fts5Match(words);
        return await QueryAsync(connection, sql, new { match, language, top }, ct);
    }

    private static async Task<List<KbTextHit>> QueryAsync(DbConnection connection, string sql, object args, CancellationToken ct) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(sql, args, cancellationToken: ct))).Select(r => new KbTextHit(r.Id, r.Score)).ToList();

    private sealed class Row
    {
        public string Id { get; init; } = "";

        public double Score { get; init; }
    }
}
