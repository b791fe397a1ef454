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

    public TriageAnalyzer(TextClassifier category, TextClassifier? intent = null)
    {
        ArgumentNullException.ThrowIfNull(category);
        _category = category;
        _intent = intent;
        _languages = LanguageDetector.Default;
    }

    public TriageResult Analyze(TriageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var subject = input.Subject ?? "";
        var body = input.Body ?? "";
        var classified = SupportVocabulary.Annotate(Join(subject, body, MaxClassifiedBodyChars));
        var text = Join(subject, body, MaxAnalyzedChars);

        var category = _category.Predict(classified);
        string? intent = null;
        var intentConfidence = 0f;
        if (_intent is not null)
        {
            var prediction = _intent.Predict(classified);
            intentConfidence = prediction.Confidence;
            if (!prediction.IsUnsure) intent = prediction.Label;
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

    private static string Join(string subject, string body, int maxBody)
    {
        var trimmedBody = body.Length <= maxBody ? body : body[..maxBody];
        return subject.Length == 0 ? trimmedBody : $"{subject}\n{trimmedBody}";
    }
}
