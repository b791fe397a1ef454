using System.Data.Common;
using Dapper;

namespace SuperTickets.Data.Knowledge;

/// <summary>
/// Full-text search over <c>kb_articles</c> in the database. PostgreSQL: the weighted tsvector matched by
/// websearch_to_tsquery in the article language's configuration (or English and 'simple' without a language)
/// and ranked by ts_rank_cd, at most <see cref="MaxRankedCandidates"/> matches per search since ranking costs
/// about ten microseconds per row; when that finds too little, each query word missing from the lexicon of
/// article words (<c>kb_words</c>) brings along its most similar known words by trigram similarity (typos)
/// and the results of searching again are appended below.
/// SQLite: FTS5 ranked by bm25() with title, tags and body weighted 10 : 5 : 1. Input is reduced to plain
/// words first (<see cref="KbSearchTerms"/>) and always bound as a parameter.
/// </summary>
public sealed class KbSearchStore(DbConnectionFactory factory)
{
    /// <summary>PostgreSQL ranks at most this many matching articles; beyond it the matches ranked are arbitrary.</summary>
    public const int MaxRankedCandidates = 500;

    /// <summary>Each unknown query word is replaced by at most this many known words.</summary>
    private const int CorrectionsPerWord = 2;

    /// <summary>Words shorter than this are never corrected: too few trigrams to tell a typo from another word.</summary>
    private const int MinCorrectedLength = 4;

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
        var hits = await PostgresFullTextAsync(connection, words, top, language, ct);
        if (hits.Count >= top)
        {
            return hits;
        }

        var corrected = await WithCorrectionsAsync(connection, words, ct);
        if (corrected.Count == words.Count)
        {
            return hits;
        }

        var found = hits.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var floor = hits.Count == 0 ? 1.0 : hits.Min(h => h.Score);
        var more = await PostgresFullTextAsync(connection, corrected, top, language, ct);
        hits.AddRange(more.Where(h => found.Add(h.Id)).Take(top - hits.Count).Select(h => h with { Score = floor * h.Score * 0.5 }));
        return hits;
    }

    /// <summary>
    /// The query is spelled out in the statement (not computed in a subquery) so that the planner sees its
    /// words, and sequential scans are off for the statement: the match estimate for rare words is often ten
    /// times too high, and with the candidate limit the planner then bets on a sequential scan finding enough
    /// matches early, which reads the whole table (half a second at 100,000 articles) when there are only a few.
    /// </summary>
    private static async Task<List<KbTextHit>> PostgresFullTextAsync(DbConnection connection, IReadOnlyList<string> words, int top, string? language, CancellationToken ct)
    {
        const string sql = """
            SELECT id, ts_rank_cd(search_vector, websearch_to_tsquery(kb_search_config(coalesce(@language, 'en')), @text)
                                                 || websearch_to_tsquery('simple', @text))::float8 AS score
            FROM (
                SELECT id, search_vector
                FROM kb_articles
                WHERE search_vector @@ (websearch_to_tsquery(kb_search_config(coalesce(@language, 'en')), @text)
                                        || websearch_to_tsquery('simple', @text))
                  AND (@language::text IS NULL OR language = @language)
                LIMIT @candidates
            ) AS matches
            ORDER BY score DESC, id
            LIMIT @top
            """;
        var text = KbSearchTerms.WebSearchOr(words);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SET LOCAL enable_seqscan = off", transaction: transaction, cancellationToken: ct));
        var hits = await QueryAsync(connection, sql, new { text, language, top, candidates = MaxRankedCandidates }, ct, transaction);
        await transaction.CommitAsync(ct);
        return hits;
    }

    /// <summary>The words, each word of <see cref="MinCorrectedLength"/> letters or more that no article contains
    /// followed by the nearest words that articles do contain (trigram similarity of at least 0.3).</summary>
    private static async Task<IReadOnlyList<string>> WithCorrectionsAsync(DbConnection connection, IReadOnlyList<string> words, CancellationToken ct)
    {
        const string corrections = """
            SELECT q.word AS typo, c.word AS correction
            FROM unnest(@words) AS q(word)
            CROSS JOIN LATERAL (
                SELECT k.word FROM kb_words AS k
                WHERE k.word % q.word
                ORDER BY k.word <-> q.word, k.word
                LIMIT @perWord
            ) AS c
            WHERE length(q.word) >= @minLength AND NOT EXISTS (SELECT 1 FROM kb_words AS k WHERE k.word = q.word)
            """;
        var found = (await connection.QueryAsync<(string Typo, string Correction)>(new CommandDefinition(
            corrections, new { words = words.ToArray(), perWord = CorrectionsPerWord, minLength = MinCorrectedLength }, cancellationToken: ct))).ToList();
        if (found.Count == 0)
        {
            return words;
        }

        var searched = new List<string>(words);
        searched.AddRange(found.Select(f => f.Correction).Where(c => !searched.Contains(c, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
        return searched;
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

    private static async Task<List<KbTextHit>> QueryAsync(DbConnection connection, string sql, object args, CancellationToken ct, DbTransaction? transaction = null) =>
        (await connection.QueryAsync<Row>(new CommandDefinition(sql, args, transaction, cancellationToken: ct))).Select(r => new KbTextHit(r.Id, r.Score)).ToList();

    private sealed class Row
    {
        public string Id { get; init; } = "";

        public double Score { get; init; }
    }
}
