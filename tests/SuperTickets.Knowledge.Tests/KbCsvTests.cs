namespace SuperTickets.Knowledge.Tests;

public sealed class KbCsvTests
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 10, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        const string csv = "id,title,category,tags,language,body\r\n"
            + "pair-camera,\"Pairing a camera, step by step\",technical,camera; pairing ,en,\"First line.\r\nSecond \"\"quoted\"\" line.\"\r\n"
            + "reembolso,Reembolsos,refunds,,es,Texto\r\n";

        var articles = KbCsv.Parse("import.csv", csv, ImportedAt);

        Assert.Equal(2, articles.Count);
        var first = articles[0];
        Assert.Equal("pair-camera", first.Id);
        Assert.Equal("Pairing a camera, step by step", first.Title);
        Assert.Equal(["camera", "pairing"], first.Tags);
        Assert.Equal("First line.\nSecond \"quoted\" line.", first.Body);
        Assert.Equal(ImportedAt, first.UpdatedAt);
        Assert.Empty(articles[1].Tags);
        Assert.Equal("es", articles[1].Language);
    }

    [Fact]
    public void Columns_may_come_in_any_order_with_an_updated_column_and_default_language()
    {
        const string csv = "Body,ID,Updated,Title,Tags,Category,Language\nText here,faq-1,2026-03-02,FAQ,a;b,general,\n";

        var article = Assert.Single(KbCsv.Parse("faq.csv", csv, ImportedAt));

        Assert.Equal("faq-1", article.Id);
        Assert.Equal("en", article.Language);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), article.UpdatedAt);
    }

    [Theory]
    [InlineData("id,title,category,tags,language\na,b,general,,en\n", 1, "lacks column(s): body")]
    [InlineData("id,title,category,tags,language,body\na,b,general,,en\n", 2, "expected 6 fields but found 5")]
    [InlineData("id,title,category,tags,language,body\na,b,general,,en,\"never closed\n", 2, "not closed")]
    [InlineData("id,title,category,tags,language,body\na,b,general,,en,x\n\"a\",b,general,,en,y\n", 3, "duplicate id 'a'")]
    [InlineData("id,title,category,tags,language,body\na,b,general,,en,\"x\"y\n", 2, "after a closing quote")]
    [InlineData("id,title,category,tags,language,body\nA B,b,general,,en,x\n", 2, "slug")]
    [InlineData("id,title,category,tags,language,body\na,b,general,,en,\"multi\nline\"\nb,,general,,en,x\n", 4, "needs a title")]
    [InlineData("", 1, "empty")]
    public void Bad_rows_are_reported_with_their_line(string csv, int line, string reason)
    {
        var ex = Assert.Throws<KbFormatException>(() => KbCsv.Parse("import.csv", csv, ImportedAt));

        Assert.Equal(line, ex.LineNumber);
        Assert.Contains(reason, ex.Message);
    }
}
