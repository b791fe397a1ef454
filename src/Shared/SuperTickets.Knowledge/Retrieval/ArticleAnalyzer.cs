using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge.Retrieval;

/// <summary>Turns articles into weighted term frequencies (BM25F-style field boosts) and embedding text.</summary>
internal static class ArticleAnalyzer
{
    public const float TitleWeight = 3f;
    public const float TagWeight = 2f;
    public const float BodyWeight = 1f;

    public static AnalyzedArticle Analyze(KbArticle article, Vocabulary vocabulary) =>
        Assign(Terms(article), vocabulary);

    /// <summary>Field-weighted stem frequencies and the BM25 length; needs no shared state.</summary>
    public static ArticleTerms Terms(KbArticle article)
    {
        var frequencies = new Dictionary<string, float>(StringComparer.Ordinal);
        var length = AddField(article.Title, TitleWeight, frequencies)
            + AddField(string.Join(' ', article.Tags), TagWeight, frequencies)
            + AddField(article.Body, BodyWeight, frequencies);
        return new ArticleTerms(article, frequencies, Math.Max(length, 1f));
    }

    /// <summary>Maps stems to term ids; must run under the index's write lock.</summary>
    public static AnalyzedArticle Assign(ArticleTerms terms, Vocabulary vocabulary)
    {
        var frequencies = terms.Frequencies;
        var ids = new int[frequencies.Count];
        var values = new float[frequencies.Count];
        var i = 0;
        foreach (var (term, frequency) in frequencies)
        {
            ids[i] = vocabulary.GetOrAdd(term);
            values[i++] = frequency;
        }

        return new AnalyzedArticle(terms.Article, ids, values, terms.Length);
    }

    /// <summary>Text handed to the embedder: the title twice, the tags, then the body.</summary>
    public static string EmbeddingText(KbArticle article) =>
        string.Join('\n', article.Title, article.Title, string.Join(", ", article.Tags), article.Body);

    private static float AddField(string text, float weight, Dictionary<string, float> frequencies)
    {
        var stems = new List<string>();
        TextAnalyzer.Analyze(text, stems);
        foreach (var stem in stems)
        {
            frequencies[stem] = frequencies.GetValueOrDefault(stem) + weight;
        }

        return stems.Count;
    }
}
