using SuperTickets.Knowledge;

namespace SuperTickets.Benchmarks.Knowledge;

/// <summary>
/// Deterministic synthetic articles and queries: words are built from syllables, drawn with a Zipf-like
/// skew (a few very common words, a long tail), so posting lists have realistic length spread.
/// </summary>
public static class SyntheticKb
{
    private static readonly string[] Syllables =
    [
        "ba", "ce", "di", "fo", "gu", "ha", "je", "ki", "lo", "mu", "na", "pe", "qui", "ro", "su", "ta",
        "ve", "wi", "xo", "yu", "za", "bre", "cla", "dro", "fle", "gri", "pla", "sto", "tri", "vel",
    ];

    private static readonly string[] Categories =
        ["billing", "technical", "account_access", "shipping", "refunds", "feature_request", "bug_report", "complaint", "general"];

    public static string[] Vocabulary(int size, int seed = 7)
    {
        var random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < size)
        {
            var syllables = random.Next(2, 5);
            words.Add(string.Concat(Enumerable.Range(0, syllables).Select(_ => Syllables[random.Next(Syllables.Length)])));
        }

        return [.. words];
    }

    public static List<KbArticle> Articles(int count, int vocabularySize = 20_000, int seed = 42)
    {
        var vocabulary = Vocabulary(vocabularySize);
        var random = new Random(seed);
        var articles = new List<KbArticle>(count);
        for (var i = 0; i < count; i++)
        {
            var title = Sentence(random, vocabulary, random.Next(4, 9));
            var tags = Enumerable.Range(0, 3).Select(_ => Word(random, vocabulary)).ToArray();
            var body = string.Join(". ", Enumerable.Range(0, random.Next(12, 20)).Select(_ => Sentence(random, vocabulary, random.Next(6, 14))));
            articles.Add(new KbArticle(
                $"article-{i}", title, body, Categories[i % Categories.Length], tags, "en",
                new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i)));
        }

        return articles;
    }

    /// <summary>Queries that paraphrase random articles: some title words, some body words, a stray word.</summary>
    public static List<string> Queries(IReadOnlyList<KbArticle> articles, int count, int seed = 99)
    {
        var random = new Random(seed);
        var queries = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var article = articles[random.Next(articles.Count)];
            var title = article.Title.Split(' ');
            var body = article.Body.Split(' ', '.');
            var words = new List<string> { "how", "do", "i" };
            words.AddRange(Enumerable.Range(0, 2).Select(_ => title[random.Next(title.Length)]));
            words.AddRange(Enumerable.Range(0, 3).Select(_ => body[random.Next(body.Length)]));
            queries.Add(string.Join(' ', words.Where(w => w.Length > 0)));
        }

        return queries;
    }

    private static string Sentence(Random random, string[] vocabulary, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Word(random, vocabulary)));

    private static string Word(Random random, string[] vocabulary)
    {
        var u = random.NextDouble();
        return vocabulary[(int)(vocabulary.Length * u * u * u)];
    }
}
