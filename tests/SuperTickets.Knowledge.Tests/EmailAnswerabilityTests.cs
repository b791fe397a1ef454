using Xunit.Abstractions;

namespace SuperTickets.Knowledge.Tests;

public sealed class EmailAnswerabilityTests(ITestOutputHelper output)
{
    [Fact]
    public void Email_set_is_large_varied_and_has_enough_messages_that_need_a_person()
    {
        var emails = Samples.Emails;
        var articles = Samples.Articles.Select(a => a.Id).ToHashSet();

        Assert.True(emails.Count >= 80, $"{emails.Count} emails");
        Assert.True(emails.Count(e => e.Expected is null) >= 0.3 * emails.Count);
        Assert.All(emails.Where(e => e.Expected is not null), e => Assert.Contains(e.Expected!, articles));
        Assert.All(emails.Where(e => e.Language != "ja"), e =>
            Assert.InRange(e.Body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length, 40, 150));
        Assert.Subset(emails.Select(e => e.Language).ToHashSet(), new HashSet<string> { "en", "de", "es", "fr", "pt", "ja" });
    }

    [Fact]
    public void Confident_answers_to_whole_emails_are_right_at_least_95_percent_of_the_time()
    {
        var decisions = Samples.Emails.Select(e => (Email: e, Decision: Samples.Index.Decide(e.Query, 0.8))).ToList();
        var answered = decisions.Where(d => d.Decision.IsAnswerable).ToList();
        var right = answered.Count(d => d.Decision.Best!.Article.Id == d.Email.Expected);
        var answerable = decisions.Count(d => d.Email.Expected is not null);
        foreach (var wrong in answered.Where(d => d.Decision.Best!.Article.Id != d.Email.Expected))
        {
            output.WriteLine($"confident but wrong ({wrong.Decision.Confidence:F2}): \"{wrong.Email.Subject}\" → {wrong.Decision.Best!.Article.Id}");
        }

        var precision = (double)right / answered.Count;
        var recall = (double)right / answerable;
        output.WriteLine($"threshold 0.8: answered={answered.Count} right={right} precision={precision:P1} recall={recall:P1}");

        Assert.True(precision >= 0.95, $"precision {precision:P1}");
        Assert.True(recall >= 0.75, $"only {recall:P1} of answerable emails answered");
    }

    [Fact]
    public void Emails_that_need_a_person_are_almost_never_auto_answered()
    {
        var human = Samples.Emails.Where(e => e.Expected is null).ToList();

        var answered = human.Where(e => Samples.Index.Decide(e.Query, 0.8).IsAnswerable).Select(e => e.Subject).ToList();

        Assert.True(answered.Count <= 2, "answered: " + string.Join(" | ", answered));
    }

    [Fact]
    public void Same_topic_is_answered_as_a_question_but_not_as_a_dispute()
    {
        const string question = "Double charge?\nHi,\n\nI see two Nimbus charges for the same amount, one is pending. Was I charged twice?\n\nThanks,\nAnn";
        const string dispute = "Double charge\nHi,\n\nI was charged 99.00 EUR twice on 3 November. Both are booked, not pending. Please refund the duplicate, this is the second time I write.\n\nAnn";

        var asked = Samples.Index.Decide(question);
        var disputed = Samples.Index.Decide(dispute);

        Assert.Equal("charged-twice", asked.Best!.Article.Id);
        Assert.True(asked.IsAnswerable, $"question confidence {asked.Confidence:F2}");
        Assert.Equal("charged-twice", disputed.Best!.Article.Id);
        Assert.False(disputed.IsAnswerable, $"dispute confidence {disputed.Confidence:F2}");
        Assert.Empty(asked.Evidence!.Concerns);
        Assert.Contains(KbConcern.Dispute, disputed.Evidence!.Concerns);
        Assert.Contains(KbConcern.RepeatContact, disputed.Evidence.Concerns);
    }

    [Fact]
    public void Greeting_and_signature_do_not_change_the_decision()
    {
        const string bare = "Cancel subscription\nI want to cancel my Nimbus Cloud subscription so it does not renew next month. How do I cancel?";
        const string wrapped = "Cancel subscription\nHello Nimbus support team,\n\nI want to cancel my Nimbus Cloud subscription so it does not renew next month. How do I cancel?\n\nKind regards,\nRobert Example\nExample Ltd.\nSent from my phone";

        var a = Samples.Index.Decide(bare);
        var b = Samples.Index.Decide(wrapped);

        Assert.Equal("cancel-subscription", b.Best!.Article.Id);
        Assert.Equal(a.Confidence, b.Confidence, 6);
    }

    [Fact]
    public void Email_in_a_language_no_article_covers_is_left_to_a_person()
    {
        const string french = "Mot de passe oublié\nBonjour,\n\nj'ai oublié mon mot de passe et je ne peux plus me connecter à l'application. Comment puis-je le réinitialiser ?\n\nCordialement,\nCamille";

        var decision = Samples.Index.Decide(french);

        Assert.False(decision.IsAnswerable, $"confidence {decision.Confidence:F2}");
        Assert.True(decision.Evidence is null || decision.Evidence.KnownShare < 0.7);
    }

    [Fact]
    public void Evidence_explains_a_confident_answer()
    {
        var decision = Samples.Index.Decide("Configuring a webhook\nHi,\n\nHow do I add a webhook endpoint for motion events and verify the signature?\n\nThanks,\nRavi");

        var evidence = decision.Evidence!;
        Assert.Equal("webhook-setup", decision.Best!.Article.Id);
        Assert.True(decision.IsAnswerable);
        Assert.True(evidence.Agreement);
        Assert.All(new[] { evidence.Similarity, evidence.Margin, evidence.Coverage, evidence.Strength, evidence.SubjectCoverage, evidence.TitleMatch, evidence.KnownShare },
            v => Assert.InRange(v, 0.0, 1.0));
        Assert.Equal(1.0, evidence.SubjectCoverage, 6);
        Assert.Empty(evidence.Concerns);
    }
}
