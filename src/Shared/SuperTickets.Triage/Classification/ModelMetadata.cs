namespace SuperTickets.Triage.Classification;

/// <summary>What a model was trained on and how well it did on its validation data. Stored in the model file.</summary>
/// <param name="Labels">Class labels in model order.</param>
/// <param name="OutOfScopeLabel">Label answered when unsure, if the model has one.</param>
/// <param name="Features">Feature extraction settings.</param>
/// <param name="TrainedAt">When training finished (UTC).</param>
/// <param name="TrainingExamples">Number of training texts.</param>
/// <param name="ValidationExamples">Number of validation texts.</param>
/// <param name="Epochs">Epoch whose weights were kept.</param>
/// <param name="Seed">Seed used for shuffling and splitting.</param>
/// <param name="FeatureRows">Number of distinct hashed features kept.</param>
/// <param name="Temperature">Softmax temperature fitted on validation data.</param>
/// <param name="UnsureThreshold">Confidence below which answers are unsure.</param>
/// <param name="ValidationAccuracy">Accuracy on validation data (unsure answers count as the out-of-scope label when there is one).</param>
/// <param name="ValidationMacroF1">Macro-averaged F1 on validation data.</param>
public sealed record ModelMetadata(
    IReadOnlyList<string> Labels,
    string? OutOfScopeLabel,
    FeatureOptions Features,
    DateTimeOffset TrainedAt,
    int TrainingExamples,
    int ValidationExamples,
    int Epochs,
    int Seed,
    int FeatureRows,
    float Temperature,
    float UnsureThreshold,
    double ValidationAccuracy,
    double ValidationMacroF1);
