using FsCheck;
using FsCheck.Fluent;
using SuperTickets.Triage.Text;

namespace SuperTickets.Triage.Tests.Text;

public sealed class SentimentScorerTests
{
    [Fact]
    public void Praise_scores_positive_and_anger_scores_negative()
    {
        Assert.True(SentimentScorer.Score("Thanks a lot, the new hub works great!") > 0.4f);
        Assert.True(SentimentScorer.Score("This is the worst support ever, I am furious.") < -0.6f);
    }

    [Fact]
    public void Neutral_request_scores_near_zero()
    {
        Assert.InRange(SentimentScorer.Score("Please send me the invoice for March."), -0.1f, 0.1f);
    }

    [Fact]
    public void Negation_flips_the_sign()
    {
        Assert.True(SentimentScorer.Score("The app is good") > 0);
        Assert.True(SentimentScorer.Score("The app is not good") < 0);
    }

    [Fact]
    public void Intensifiers_caps_and_exclamations_strengthen_the_score()
    {
        var plain = SentimentScorer.Score("The update is bad");
        Assert.True(SentimentScorer.Score("The update is very bad") < plain);
        Assert.True(SentimentScorer.Score("The update is BAD") < plain);
        Assert.True(SentimentScorer.Score("The update is bad!!!") < plain);
    }

    [Fact]
    public void German_french_and_spanish_complaints_score_negative()
    {
        Assert.True(SentimentScorer.Score("Das ist eine Frechheit, ich bin sehr enttäuscht.") < -0.5f);
        Assert.True(SentimentScorer.Score("C'est inadmissible, je suis très mécontent.") < -0.5f);
        Assert.True(SentimentScorer.Score("Es inaceptable, estoy muy molesto.") < -0.5f);
    }

    [Fact]
    public void Score_always_lies_between_minus_one_and_one()
    {
        Prop.ForAll<string>(text => SentimentScorer.Score(text ?? "") is >= -1f and <= 1f).QuickCheckThrowOnFailure();
    }
}
