namespace SuperTickets.Triage.Classification;

/// <summary>
/// A classifier answer. <paramref name="Confidence"/> is the calibrated probability of <paramref name="Label"/>'s
/// best guess. When the model knows an out-of-scope label and is unsure, <paramref name="Label"/> is that label.
/// </summary>
/// <param name="Label">Predicted label.</param>
/// <param name="Confidence">Calibrated probability of the best guess (0..1).</param>
/// <param name="IsUnsure">Confidence is below the model's threshold, or the best guess is the out-of-scope label.</param>
/// <param name="Top">Best guesses with calibrated probabilities, highest first.</param>
public sealed record Prediction(string Label, float Confidence, bool IsUnsure, IReadOnlyList<(string Label, float Score)> Top);
