using SuperTickets.Knowledge.Retrieval;
using SuperTickets.Knowledge.Text;

namespace SuperTickets.Knowledge.Tests;

/// <summary>The index build analyzes each article once and reuses the tokens for terms and embedding; these
/// tests hold that shortcut to the plain text path.</summary>
public sealed class ArticleTokenizationTests
{
    private static readonly KbArticle Article = new(
        "mixed", "Deliveries delayed: Straße closed", "Our couriers (DHL, UPS) retried twice; the 2fa-code is emailed. Política de reembolsos.",
        "shipping", ["Lieferung", "late deliveries", "x"], "en", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Article_tokens_are_the_tokens_of_its_embedding_text()
    {
        var fromArticle = new TextTokens();
        var (title, tags) = ArticleAnalyzer.Tokenize(Article, fromArticle);
        var fromText = new TextTokens();
        fromText.Append(ArticleAnalyzer.EmbeddingText(Article));

        Assert.Equal(Words(fromText), Words(fromArticle));
        Assert.Equal(Stems(fromText), Stems(fromArticle));
        Assert.Equal(4, title);
        Assert.Equal(3, tags);
        Assert.Contains("delivery", Stems(fromArticle));
    }

    [Fact]
    public void Hashed_embedding_from_article_tokens_equals_embedding_of_the_text()
    {
        var embedder = HashedTextEmbedder.Fit([ArticleAnalyzer.EmbeddingText(Article), "couriers retried", "refund policy"]);
        var fromText = new float[embedder.Dimensions];
        var fromTokens = new float[embedder.Dimensions];
        embedder.Embed(ArticleAnalyzer.EmbeddingText(Article), fromText);

        ArticleAnalyzer.Terms(Article, out var tokens);
        ArticleAnalyzer.Embed(embedder, Article, tokens, fromTokens);

        Assert.Equal(fromText, fromTokens);
        Assert.Contains(fromTokens, x => x != 0f);
    }

    [Fact]
    public void Terms_weigh_title_three_tags_two_and_body_one_without_the_repeated_title()
    {
        var article = new KbArticle("a", "Refund refund", "refund policy", "billing", ["refunds"], "en", DateTimeOffset.UnixEpoch);

        var terms = ArticleAnalyzer.Terms(article, out _);

        Assert.Equal(2, terms.StemEnds.Length);
        Assert.Equal("refund", terms.Stem(0).ToString());
        Assert.Equal(3f + 3f + 2f + 1f, terms.Frequencies[0]);
        Assert.Equal("policy", terms.Stem(1).ToString());
        Assert.Equal(1f, terms.Frequencies[1]);
        Assert.Equal(5f, terms.Length);
    }

    private static List<string> Words(TextTokens tokens) => [.. Enumerable.Range(0, tokens.Count).Select(i => tokens.Word(i).ToString())];

    private static List<string> Stems(TextTokens tokens) => [.. Enumerable.Range(0, tokens.Count).Select(i => tokens.Stem(i).ToString())];
}
