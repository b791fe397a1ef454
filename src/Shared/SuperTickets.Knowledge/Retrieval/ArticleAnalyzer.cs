using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// Turns articles into weighted term frequencies (BM25F-style field boosts) and embedding input. One
/// tokenization serves both: title, title again, tags, body, which is exactly the token stream of
/// <see cref="EmbeddingText"/>; the term frequencies skip the repeated title.
/// </summary>
internal static class ArticleAnalyzer
{
    public const float TitleWeight = 3f;
    public const float TagWeight = 2f;
    public const float BodyWeight = 1f;

    [ThreadStatic]
    private static TextTokens? s_tokens;

    [ThreadStatic]
    private static TokenTally? s_stems;

    public static AnalyzedArticle Analyze(KbArticle article, Vocabulary vocabulary) =>
        Assign(Terms(article, out _), vocabulary);

    /// <summary>Appends the article's embedding token stream to <paramref name="tokens"/> and returns how many
    /// tokens the title and the tags have.</summary>
    public static (int Title, int Tags) Tokenize(KbArticle article, TextTokens tokens)
    {
        var start = tokens.Count;
        tokens.Append(article.Title);
        var title = tokens.Count - start;
        tokens.Repeat(start, title);
        foreach (var tag in article.Tags)
        {
            tokens.Append(tag);
        }

        var tags = tokens.Count - start - (2 * title);
        tokens.Append(article.Body);
        return (title, tags);
    }

    /// <summary>
    /// Field-weighted stem frequencies and the BM25 length; needs no shared state. <paramref name="tokens"/> is
    /// the article's embedding token stream, valid until the next call on this thread.
    /// </summary>
    public static ArticleTerms Terms(KbArticle article, out TextTokens tokens)
    {
        tokens = s_tokens ??= new TextTokens();
        var stems = s_stems ??= new TokenTally(stems: true);
        tokens.Clear();
        stems.Clear();
        var (title, tags) = Tokenize(article, tokens);
        var body = tokens.Count - (2 * title) - tags;
        Tally(tokens, 0, title, TitleWeight, stems);
        Tally(tokens, 2 * title, tags, TagWeight, stems);
        Tally(tokens, (2 * title) + tags, body, BodyWeight, stems);
        var length = (float)title + tags + body;

        var ends = new int[stems.Count];
        var frequencies = new float[stems.Count];
        var chars = 0;
        for (var e = 0; e < stems.Count; e++)
        {
            chars += tokens.Stem(stems.FirstToken(e)).Length;
            ends[e] = chars;
            frequencies[e] = stems.Total(e);
        }

        var text = string.Create(chars, (tokens, stems), static (span, state) =>
        {
            var (tokens, stems) = state;
            for (var e = 0; e < stems.Count; e++)
            {
                var stem = tokens.Stem(stems.FirstToken(e));
                stem.CopyTo(span);
                span = span[stem.Length..];
            }
        });
        return new ArticleTerms(article, text, ends, frequencies, Math.Max(length, 1f));
    }

    /// <summary>Maps stems to term ids in first-seen order; must run under the index's write lock.</summary>
    public static AnalyzedArticle Assign(ArticleTerms terms, Vocabulary vocabulary)
    {
        var ids = new int[terms.StemEnds.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = vocabulary.GetOrAdd(terms.Stem(i));
        }

        return new AnalyzedArticle(terms.Article, ids, terms.Frequencies, terms.Length);
    }

    /// <summary>Text handed to the embedder: the title twice, the tags, then the body.</summary>
    public static string EmbeddingText(KbArticle article) =>
        string.Join('\n', article.Title, article.Title, string.Join(", ", article.Tags), article.Body);

    /// <summary>
    /// The article's embedding: from its token stream when the embedder is the hashed one (the same vector as
    /// embedding <see cref="EmbeddingText"/>, without analyzing it again), otherwise from the text.
    /// </summary>
    public static void Embed(ITextEmbedder embedder, KbArticle article, TextTokens tokens, Span<float> destination)
    {
        if (embedder is HashedTextEmbedder hashed)
        {
            hashed.Embed(tokens, destination);
        }
        else
        {
            embedder.Embed(EmbeddingText(article), destination);
        }
    }

    private static void Tally(TextTokens tokens, int first, int count, float weight, TokenTally stems)
    {
        for (var i = first; i < first + count; i++)
        {
            stems.Add(tokens, i, weight);
        }
    }
}
