namespace SuperTickets.Knowledge.Tests;

public sealed class KbMarkdownTests
{
    private const string Good = """
        ---
        id: reset-password
        title: Resetting your password
        category: account_access
        tags: [password, login, "sign-in"]
        language: en
        updated: 2026-09-14
        ---
        Body in **Markdown**.

        1. Step one.
        """;

    [Fact]
    public void Front_matter_and_body_are_read()
    {
        var article = KbMarkdown.Parse("reset-password.md", Good);

        Assert.Equal("reset-password", article.Id);
        Assert.Equal("Resetting your password", article.Title);
        Assert.Equal("account_access", article.Category);
        Assert.Equal(["password", "login", "sign-in"], article.Tags);
        Assert.Equal("en", article.Language);
        Assert.Equal(new DateTimeOffset(2026, 9, 14, 0, 0, 0, TimeSpan.Zero), article.UpdatedAt);
        Assert.Equal("Body in **Markdown**.\n\n1. Step one.", article.Body);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_are_accepted()
    {
        var article = KbMarkdown.Parse("reset-password.md", "\uFEFF" + Good.ReplaceLineEndings("\r\n"));

        Assert.Equal("Resetting your password", article.Title);
        Assert.DoesNotContain('\r', article.Body);
    }

    [Fact]
    public void Missing_id_falls_back_to_the_file_name_and_language_to_english()
    {
        var text = "---\ntitle: 'It''s here'\ncategory: general\n---\nSome body.";

        var article = KbMarkdown.Parse("kb/some-slug.md", text);

        Assert.Equal("some-slug", article.Id);
        Assert.Equal("It's here", article.Title);
        Assert.Equal("en", article.Language);
        Assert.Empty(article.Tags);
    }

    [Fact]
    public void Every_sample_article_parses_with_its_file_name_as_id_and_a_body_of_150_to_400_words()
    {
        var articles = Samples.Articles;

        Assert.Equal(39, articles.Count);
        Assert.All(articles, a =>
        {
            var words = a.Body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(words, 150, 400);
            Assert.NotEmpty(a.Tags);
        });
        Assert.Contains(articles, a => a.Language == "de");
        Assert.Contains(articles, a => a.Language == "es");
    }

    [Theory]
    [InlineData("title: x\ncategory: general\n---\nbody", 1, "expected front matter starting with '---'")]
    [InlineData("---\ntitle: x\ncategory: general\nbody", 4, "or a closing '---' but found 'body'")]
    [InlineData("---\ntitle: x\ncategory: general\n", 1, "not closed")]
    [InlineData("---\ncategory: general\n---\nbody", 3, "no 'title'")]
    [InlineData("---\ntitle: x\n---\nbody", 3, "no 'category'")]
    [InlineData("---\ntitle: x\ncategory: general\nauthor: me\n---\nbody", 4, "unknown key 'author'")]
    [InlineData("---\ntitle: x\ntitle: y\ncategory: general\n---\nbody", 3, "duplicate key 'title'")]
    [InlineData("---\ntitle: x\ncategory: general\ntags: password, login\n---\nbody", 4, "tags must be a list")]
    [InlineData("---\ntitle: \"x\ncategory: general\n---\nbody", 2, "unterminated")]
    [InlineData("---\ntitle: x\ncategory: general\nupdated: 14.09.2026\n---\nbody", 4, "updated")]
    [InlineData("---\ntitle: x\ncategory: General Stuff\n---\nbody", 3, "category")]
    [InlineData("---\nid: Bad Slug\ntitle: x\ncategory: general\n---\nbody", 2, "slug")]
    [InlineData("---\ntitle: x\ncategory: general\nlanguage: english\n---\nbody", 4, "language")]
    [InlineData("---\ntitle: x\ncategory: general\n---\n\n  \n", 4, "body is empty")]
    [InlineData("---\ntitle x\ncategory: general\n---\nbody", 2, "expected 'key: value'")]
    public void Malformed_front_matter_names_file_and_line(string text, int line, string reason)
    {
        var ex = Assert.Throws<KbFormatException>(() => KbMarkdown.Parse("broken.md", text));

        Assert.Equal("broken.md", ex.FileName);
        Assert.Equal(line, ex.LineNumber);
        Assert.Contains(reason, ex.Message);
        Assert.StartsWith($"broken.md({line}): ", ex.Message);
    }
}
