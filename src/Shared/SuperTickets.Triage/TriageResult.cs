namespace SuperTickets.Triage;

/// <summary>Triage outcome for one email.</summary>
/// <param name="Category">One of billing, technical, account_access, shipping, refunds, feature_request, bug_report, complaint, general.</param>
/// <param name="CategoryConfidence">Calibrated probability of the category (0..1).</param>
/// <param name="CategoryUnsure">The category model is below its confidence threshold; a refinement step may help.</param>
/// <param name="Intent">Finer label such as reset_password or order_tracking; null without an intent model or when it is unsure.</param>
/// <param name="IntentConfidence">Calibrated probability of the intent's best guess (0 without an intent model).</param>
/// <param name="Priority">Priority from the rules in <see cref="TriageAnalyzer"/>.</param>
/// <param name="PriorityReasons">Short reasons that raised or lowered the priority, e.g. "outage wording: 'down'".</param>
/// <param name="Sentiment">Sentiment from -1 (very negative) to 1 (very positive).</param>
/// <param name="Language">ISO 639-1 code of the detected language.</param>
/// <param name="LanguageConfidence">Confidence of the language guess (0..1).</param>
/// <param name="MatchedAlerts">The alert keywords found in the email, as given.</param>
/// <param name="IsMeetingRequest">The sender asks for a call or meeting.</param>
public sealed record TriageResult(
    string Category,
    float CategoryConfidence,
    bool CategoryUnsure,
    string? Intent,
    float IntentConfidence,
    Priority Priority,
    IReadOnlyList<string> PriorityReasons,
    float Sentiment,
    string Language,
    float LanguageConfidence,
    IReadOnlyList<string> MatchedAlerts,
    bool IsMeetingRequest);
