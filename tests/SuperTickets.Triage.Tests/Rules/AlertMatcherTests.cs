using SuperTickets.Triage.Rules;

namespace SuperTickets.Triage.Tests.Rules;

public sealed class AlertMatcherTests
{
    [Fact]
    public void Keywords_match_whole_words_ignoring_case()
    {
        var matched = AlertMatcher.Match("Our API keys leaked in a GDPR incident; rapid response needed.", ["api", "gdpr", "pi", "data breach"]);

        Assert.Equal(["api", "gdpr"], matched);
    }

    [Fact]
    public void Phrases_match_across_their_words()
    {
        Assert.Equal(["data breach"], AlertMatcher.Match("We suspect a Data Breach at our site.", ["data breach"]));
    }

    [Fact]
    public void No_keywords_match_nothing()
    {
        Assert.Empty(AlertMatcher.Match("anything", []));
    }
}
