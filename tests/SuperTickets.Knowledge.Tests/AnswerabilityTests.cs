using Xunit.Abstractions;

namespace SuperTickets.Knowledge.Tests;

public sealed class AnswerabilityTests(ITestOutputHelper output)
{
    [Fact]
    public void Confident_answers_on_the_labelled_set_are_right_at_least_95_percent_of_the_time()
    {
        var decisions = Samples.Queries.Select(q => (Query: q, Decision: Samples.Index.Decide(q.Query))).ToList();
        var answered = decisions.Where(d => d.Decision.IsAnswerable).ToList();
        var right = answered.Count(d => d.Decision.Best!.Article.Id == d.Query.Expected);
        var answerable = decisions.Count(d => d.Query.Expected is not null);
        foreach (var wrong in answered.Where(d => d.Decision.Best!.Article.Id != d.Query.Expected))
        {
            output.WriteLine($"confident but wrong ({wrong.Decision.Confidence:F2}): \"{wrong.Query.Query}\" → {wrong.Decision.Best!.Article.Id}");
        }

        var precision = (double)right / answered.Count;
        var coverage = (double)right / answerable;
        output.WriteLine($"threshold 0.8: answered={answered.Count} right={right} precision={precision:P1} answered-correctly share of answerable={coverage:P1}");

        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(coverage >= 0.6, $"only {coverage:P1} of answerable queries answered");
    }

    [Fact]
    public void Questions_outside_the_knowledge_base_are_mostly_not_answered()
    {
        var unanswerable = Samples.Queries.Where(q => q.Expected is null).ToList();

        var confident = unanswerable.Count(q => Samples.Index.Decide(q.Query).IsAnswerable);

        Assert.True(unanswerable.Count >= 10);
        Assert.True(confident <= 1, $"{confident} off-topic questions were answered");
    }

    [Fact]
    public void Clear_question_is_answerable_and_confidence_is_a_probability()
    {
        var decision = Samples.Index.Decide("How do I reset my password? I forgot it");

        Assert.Equal("reset-password", decision.Best!.Article.Id);
        Assert.True(decision.IsAnswerable);
        Assert.InRange(decision.Confidence, 0.8, 1.0);
        Assert.Equal(0.8, decision.Threshold);
    }

    [Fact]
    public void Threshold_changes_the_verdict_but_not_the_confidence()
    {
        const string query = "how long does delivery to germany take";

        var strict = Samples.Index.Decide(query, threshold: 0.999);
        var lenient = Samples.Index.Decide(query, threshold: 0.1);

        Assert.Equal(strict.Confidence, lenient.Confidence);
        Assert.False(strict.IsAnswerable);
        Assert.True(lenient.IsAnswerable);
    }

    [Fact]
    public void Vague_question_is_below_the_threshold()
    {
        var decision = Samples.Index.Decide("I have a problem");

        Assert.False(decision.IsAnswerable);
    }
}
