namespace SuperTickets.Triage.Classification;

/// <summary>Quality of a classifier on labelled data. Rates are fractions (0..1).</summary>
/// <param name="Count">Number of texts evaluated.</param>
/// <param name="Accuracy">Share of texts whose answer equals the expected label.</param>
/// <param name="MacroF1">Mean F1 over all labels that were expected or predicted.</param>
/// <param name="Classes">Per-label metrics, ordered by label.</param>
/// <param name="WorstConfusions">Most frequent expected/predicted pairs that differ, most frequent first.</param>
/// <param name="UnsureRate">Share of answers flagged unsure.</param>
/// <param name="InScopeAccuracy">Accuracy over texts whose expected label is not out of scope (when an out-of-scope label is known).</param>
/// <param name="OutOfScopeRecall">Share of out-of-scope texts answered as out of scope (when any were evaluated).</param>
public sealed record EvaluationReport(
    int Count,
    double Accuracy,
    double MacroF1,
    IReadOnlyList<ClassMetrics> Classes,
    IReadOnlyList<LabelConfusion> WorstConfusions,
    double UnsureRate,
    double? InScopeAccuracy,
    double? OutOfScopeRecall);
