using SuperTickets.Knowledge.Query;
using SuperTickets.Knowledge.Retrieval;

namespace SuperTickets.Knowledge;

/// <summary>
/// Hybrid search with the text ranking from an external full-text engine (PostgreSQL tsvector, SQLite FTS5)
/// and the vector ranking from a <see cref="KnowledgeIndex"/>, merged by weighted reciprocal-rank fusion
/// (the same weights as the in-memory search). The engine receives the query's selective key words: greeting,
/// sign-off and stop words removed, subject first, and of the words the index knows only the rarest ones
/// whose articles add up to at most <see cref="TextCandidateBudget"/>: an engine ranks every article that
/// matches any word, and a word found in thousands of articles costs milliseconds while it hardly moves the
/// ranking. Words the index does not know (typos, for one) are always sent. Ids the index does not know are skipped.
/// </summary>
public sealed class DatabaseKnowledgeSearch(KnowledgeIndex index, KbTextSearch textSearch)
{
    /// <summary>How many article matches the words sent to the engine may add up to (the rarest word is sent regardless).</summary>
    public const int TextCandidateBudget = 500;

    /// <summary>The best <paramref name="top"/> articles for <paramref name="query"/>, best first.</summary>
    public async Task<IReadOnlyList<KbHit>> SearchAsync(string query, int top = 5, string? language = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var analyzed = QueryAnalyzer.Analyze(query);
        if (analyzed.KeyWords.Count == 0)
        {
            return [];
        }

        var depth = Math.Max(top * 4, 40);
        var text = await textSearch(string.Join(' ', SelectiveWords(analyzed.KeyWords)), depth, language, ct);
        var vectors = index.VectorRanking(analyzed, depth, language);
        var fused = new Dictionary<string, (double Score, double Text, double Similarity)>(StringComparer.Ordinal);
        for (var i = 0; i < text.Count; i++)
        {
            fused[text[i].Id] = (HybridSearch.TextWeight / (HybridSearch.RrfK + i + 1), text[i].Score, 0);
        }

        for (var i = 0; i < vectors.Count; i++)
        {
            var (article, similarity) = vectors[i];
            var (score, textScore, _) = fused.GetValueOrDefault(article.Id);
            fused[article.Id] = (score + (HybridSearch.VectorWeight / (HybridSearch.RrfK + i + 1)), textScore, similarity);
        }

        return fused
            .Select(kv => (Article: index.Find(kv.Key), kv.Value))
            .Where(x => x.Article is not null)
            .OrderByDescending(x => x.Value.Score)
            .ThenByDescending(x => x.Value.Text)
            .ThenBy(x => x.Article!.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(x => new KbHit(x.Article!, x.Value.Score, x.Value.Similarity, x.Value.Text))
            .ToList();
    }

    /// <summary>The words to send to the engine, in their original order.</summary>
    private List<string> SelectiveWords(IReadOnlyList<string> words)
    {
        var frequencies = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            frequencies[i] = index.DocumentFrequency(words[i]);
        }

        var keep = new bool[words.Count];
        var matches = 0L;
        foreach (var i in Enumerable.Range(0, words.Count).OrderBy(i => frequencies[i]))
        {
            matches += frequencies[i];
            keep[i] = frequencies[i] == 0 || matches <= TextCandidateBudget || matches == frequencies[i];
        }

        return [.. words.Where((_, i) => keep[i])];
    }
}
