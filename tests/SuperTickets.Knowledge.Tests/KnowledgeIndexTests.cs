namespace SuperTickets.Knowledge.Tests;

public sealed class KnowledgeIndexTests
{
    private static KbArticle Article(string id, string title, string body, string language = "en") =>
        new(id, title, body, "general", [], language, DateTimeOffset.UnixEpoch);

    private static KnowledgeIndex SmallIndex() => KnowledgeIndex.Build(
    [
        Article("wifi", "Connecting the hub to Wi-Fi", "Open the app, choose the network and enter the Wi-Fi password."),
        Article("battery", "Replacing sensor batteries", "Twist the sensor cover and insert a new CR2032 battery."),
        Article("invoice", "Downloading invoices", "Open billing history and download the PDF invoice."),
    ]);

    [Fact]
    public void Search_ranks_the_matching_article_first_and_reports_scores()
    {
        var hits = SmallIndex().Search("how do I download my invoice pdf");

        Assert.Equal("invoice", hits[0].Article.Id);
        Assert.InRange(hits[0].Similarity, 0.0, 1.0);
        Assert.True(hits[0].TextScore > 0);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Misspelled_words_still_find_the_article()
    {
        var hits = SmallIndex().Search("repalce baterys in sensr");

        Assert.Equal("battery", hits[0].Article.Id);
    }

    [Fact]
    public void Added_article_becomes_searchable()
    {
        var index = SmallIndex();

        index.Add(Article("thermostat", "Thermostat schedules", "Create a heating schedule for each room."));

        Assert.Equal(4, index.Count);
        Assert.Equal("thermostat", index.Search("heating schedule per room")[0].Article.Id);
        Assert.Throws<ArgumentException>(() => index.Add(Article("thermostat", "Again", "Duplicate.")));
    }

    [Fact]
    public void Updated_article_is_found_by_its_new_text_only()
    {
        var index = SmallIndex();

        index.Update(Article("battery", "Charging the doorbell", "Charge the doorbell with the USB-C cable for two hours."));

        Assert.Equal("Charging the doorbell", index.Find("battery")!.Title);
        Assert.Equal("battery", index.Search("charge doorbell usb-c")[0].Article.Id);
        Assert.DoesNotContain(index.Search("CR2032 sensor cover"), h => h.TextScore > 0);
        Assert.Throws<KeyNotFoundException>(() => index.Update(Article("missing", "x", "y")));
    }

    [Fact]
    public void Removed_article_disappears_and_the_others_stay_searchable()
    {
        var index = SmallIndex();

        Assert.True(index.Remove("wifi"));
        Assert.False(index.Remove("wifi"));

        Assert.Equal(2, index.Count);
        Assert.Null(index.Find("wifi"));
        Assert.DoesNotContain(index.Search("wifi password network", top: 10), h => h.Article.Id == "wifi");
        Assert.Equal("invoice", index.Search("invoice pdf")[0].Article.Id);
        Assert.Equal("battery", index.Search("CR2032 battery")[0].Article.Id);
    }

    [Fact]
    public void Language_filter_keeps_only_articles_in_that_language()
    {
        var index = Samples.Index;

        var hits = index.Search("Passwort vergessen", top: 10, language: "de");

        Assert.Equal("reset-password-de", Assert.Single(hits).Article.Id);
        Assert.All(index.Search("password", top: 10, language: "EN"), h => Assert.Equal("en", h.Article.Language));
    }

    [Fact]
    public void Empty_or_meaningless_query_returns_nothing()
    {
        var index = SmallIndex();

        Assert.Empty(index.Search(""));
        Assert.Empty(index.Search("the and of ?!"));
        Assert.Null(index.Decide("...").Best);
    }

    [Fact]
    public void Empty_index_accepts_articles_later()
    {
        var index = KnowledgeIndex.Build([]);

        Assert.Empty(index.Search("anything"));
        index.Add(Article("first", "First article", "Contains the word zeppelin."));

        Assert.Equal("first", index.Search("zeppelin")[0].Article.Id);
    }
}
