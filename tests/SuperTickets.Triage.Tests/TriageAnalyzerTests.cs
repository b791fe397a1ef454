using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests;

public sealed class TriageAnalyzerTests
{
    private static readonly TriageAnalyzer Analyzer = DefaultSupportModel.Create();

    private static TriageResult Analyze(string subject, string body, bool vip = false, int prior = 0, params string[] alerts) =>
        Analyzer.Analyze(new TriageInput(subject, body, "example.com", vip, prior, alerts));

    [Fact]
    public void Outage_mail_is_technical_and_urgent_with_reasons()
    {
        var result = Analyze("Everything is down", "All our cameras went offline at once and production is affected. Please help ASAP.");

        Assert.Equal("technical", result.Category);
        Assert.Equal(Priority.Urgent, result.Priority);
        Assert.Contains(result.PriorityReasons, r => r.StartsWith("outage wording", StringComparison.Ordinal));
        Assert.Contains(result.PriorityReasons, r => r.StartsWith("urgent wording", StringComparison.Ordinal));
        Assert.Equal("en", result.Language);
    }

    [Fact]
    public void Password_reset_mail_is_account_access()
    {
        var result = Analyze("Password reset", "I forgot my password and the reset email never arrives. Can you help me log in?");

        Assert.Equal("account_access", result.Category);
        Assert.Equal("reset_password", result.Intent);
        Assert.Equal(Priority.Normal, result.Priority);
    }

    [Fact]
    public void German_mail_is_detected_as_german()
    {
        var result = Analyze("Rechnung", "Guten Tag, bitte schicken Sie mir die Rechnung für Februar noch einmal zu. Vielen Dank!");

        Assert.Equal("de", result.Language);
        Assert.Equal("billing", result.Category);
    }

    [Fact]
    public void Vip_with_repeated_contacts_is_raised_to_high_or_more()
    {
        var result = Analyze("Invoice question", "Could you explain the add-on fee on my last invoice?", vip: true, prior: 3);

        Assert.True(result.Priority >= Priority.High);
        Assert.Contains("VIP customer", result.PriorityReasons);
        Assert.Contains("repeated contact: 3 in 7 days", result.PriorityReasons);
    }

    [Fact]
    public void Angry_complaint_has_strongly_negative_sentiment()
    {
        var result = Analyze("Unacceptable", "This is the third time I write and nobody answers. Terrible service, I am furious!");

        Assert.Equal("complaint", result.Category);
        Assert.True(result.Sentiment < -0.6f);
        Assert.Contains(result.PriorityReasons, r => r.StartsWith("strong negative sentiment", StringComparison.Ordinal));
    }

    [Fact]
    public void Calm_feature_request_gets_low_priority()
    {
        var result = Analyze("Idea", "It would be great if the app had a dark mode.");

        Assert.Equal("feature_request", result.Category);
        Assert.Equal(Priority.Low, result.Priority);
    }

    [Fact]
    public void Meeting_request_and_alert_keywords_are_reported()
    {
        var result = Analyze("Rollout", "Can we schedule a call next week about GDPR questions for our 40 hubs?", alerts: ["gdpr", "lawsuit"]);

        Assert.True(result.IsMeetingRequest);
        Assert.Equal(["gdpr"], result.MatchedAlerts);
    }

    [Fact]
    public void Confidences_are_probabilities()
    {
        var result = Analyze("Hello", "Where is my parcel? Tracking has not changed for a week.");

        Assert.InRange(result.CategoryConfidence, 0f, 1f);
        Assert.InRange(result.IntentConfidence, 0f, 1f);
        Assert.InRange(result.LanguageConfidence, 0f, 1f);
        Assert.Equal("shipping", result.Category);
    }

    [Fact]
    public void Default_model_is_cached_and_retraining_it_is_deterministic()
    {
        Assert.Same(Analyzer, DefaultSupportModel.Create());
        var samples = DefaultSupportModel.ReadSamples("category").Items;
        var again = TextClassifierTrainer.Train(DefaultSupportModel.TrainingSet("category"), DefaultSupportModel.Options);
        var intents = TextClassifierTrainer.Train(DefaultSupportModel.TrainingSet("intent"), DefaultSupportModel.Options);

        var retrained = new TriageAnalyzer(again, intents);
        foreach (var text in samples.Take(50).Select(s => s.Text))
        {
            var input = new TriageInput("", text, null, false, 0, []);
            Assert.Equal(Analyzer.Analyze(input), retrained.Analyze(input), TriageResultComparer.Instance);
        }
    }

    [Theory]
    [InlineData("Contraseña", "Olvidé la contraseña de mi cuenta y el enlace para restablecerla no llega.", "account_access")]
    [InlineData("Colis", "Bonjour, ma commande n'est toujours pas livrée et le suivi du colis ne bouge plus.", "shipping")]
    [InlineData("Rückerstattung", "Ich habe die Kamera zurückgeschickt und warte seit drei Wochen auf die Erstattung.", "refunds")]
    public void Mail_in_other_languages_is_categorized(string subject, string body, string expected)
    {
        Assert.Equal(expected, Analyze(subject, body).Category);
    }

    [Fact]
    public void Sample_file_has_at_least_sixty_texts_per_category()
    {
        var counts = DefaultSupportModel.ReadSamples("category").Items.GroupBy(x => x.Label).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(
            ["account_access", "billing", "bug_report", "complaint", "feature_request", "general", "refunds", "shipping", "technical"],
            counts.Keys.Order(StringComparer.Ordinal));
        Assert.All(counts.Values, count => Assert.True(count >= 60));
    }

    private sealed class TriageResultComparer : IEqualityComparer<TriageResult>
    {
        public static readonly TriageResultComparer Instance = new();

        public bool Equals(TriageResult? x, TriageResult? y) =>
            x is not null && y is not null && x.Category == y.Category && x.CategoryConfidence == y.CategoryConfidence
            && x.Intent == y.Intent && x.IntentConfidence == y.IntentConfidence && x.Priority == y.Priority;

        public int GetHashCode(TriageResult obj) => obj.Category.GetHashCode();
    }
}
