using SuperTickets.Triage.Classification;
using SuperTickets.Triage.Rules;
using SuperTickets.Triage.Text;

namespace SuperTickets.Triage;

/// <summary>
/// Triage of one email: category (and intent) from the classifiers, then language, sentiment, meeting
/// request, topic alerts and a rule-based priority with reasons. Immutable and thread-safe.
/// The classifiers see subject and body passed through <see cref="SupportVocabulary.Annotate"/>, so
/// models should be trained on annotated text (as <see cref="DefaultSupportModel.TrainingSet"/> is).
/// </summary>
public sealed class TriageAnalyzer
{
    private const int MaxAnalyzedChars = 4000;
    private const int MaxClassifiedBodyChars = 1000;
    private readonly TextClassifier _category;
    private readonly TextClassifier? _intent;
    private readonly LanguageDetector _languages;
    private readonly bool _sharedFeatures;

    public TriageAnalyzer(TextClassifier category, TextClassifier? intent = null)
    {
        ArgumentNullException.ThrowIfNull(category);
        _category = category;
        _intent = intent;
        _languages = LanguageDetector.Default;
        _sharedFeatures = intent is not null && intent.Space.Options == category.Space.Options;
    }

    public TriageResult Analyze(TriageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = input.Subject ?? "";
        var body = input.Body ?? "";
        var classified = SupportVocabulary.Annotate(Join(subject, body, MaxClassifiedBodyChars));
        var text = Join(subject, body, MaxAnalyzedChars);

        var (category, intentPrediction) = Classify(classified);
        string? intent = null;
        var intentConfidence = 0f;
        if (intentPrediction is not null)
        {
            intentConfidence = intentPrediction.Confidence;
            if (!intentPrediction.IsUnsure) intent = intentPrediction.Label;
        }

        var categoryLabel = category.Top[0].Label;
        var sentiment = SentimentScorer.Score(text);
        var language = _languages.Detect(text);
        var (priority, reasons) = PriorityRules.Evaluate(
            text, categoryLabel, intent, sentiment, input.IsVip, input.PriorContactsLast7Days);
        var alerts = AlertMatcher.Match(text, input.AlertKeywords ?? []);
        var meeting = intent == "schedule_call" || MeetingRequestDetector.IsMeetingRequest(text);

        return new TriageResult(
            categoryLabel, category.Confidence, category.IsUnsure, intent, intentConfidence, priority, reasons,
            sentiment, language.Language, language.Confidence, alerts, meeting);
    }

    /// <summary>Category and intent of the text; classifiers with the same features share one extraction of them.</summary>
    private (Prediction Category, Prediction? Intent) Classify(string text)
    {
        if (!_sharedFeatures)
        {
            return (_category.Predict(text), _intent?.Predict(text));
        }
        var buckets = new FeatureBuckets();
        try
        {
            var ids = _category.Space.Buckets(text, ref buckets);
            return (_category.Predict(ids), _intent!.Predict(ids));
        }
        finally
        {
            buckets.Dispose();
        }
    }

    private static string Join(string subject, string body, int maxBody)
    {
        var trimmedBody = body.Length <= maxBody ? body : body[..maxBody];
        return subject.Length == 0 ? trimmedBody : $"{subject}\n{trimmedBody}";
    }
}
