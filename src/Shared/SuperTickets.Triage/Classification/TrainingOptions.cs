namespace SuperTickets.Triage.Classification;

/// <summary>Settings for <see cref="TextClassifierTrainer"/>. The defaults suit short support texts.</summary>
public sealed record TrainingOptions
{
    /// <summary>Seed for shuffling and the validation split; the same seed gives the same model.</summary>
    public int Seed { get; init; } = 42;

    public FeatureOptions Features { get; init; } = new();

    /// <summary>Upper bound on passes over the training data; early stopping usually ends sooner.</summary>
    public int MaxEpochs { get; init; } = 40;

    /// <summary>Epochs without validation improvement before training stops.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>AdaGrad base learning rate.</summary>
    public float LearningRate { get; init; } = 0.1f;

    /// <summary>L2 regularization strength applied to the weights a text touches.</summary>
    public float L2 { get; init; } = 1e-5f;

    /// <summary>Weight classes inversely to their frequency.</summary>
    public bool BalanceClasses { get; init; } = true;

    /// <summary>Held-out validation data; when null, <see cref="ValidationFraction"/> of the data is held out per label.</summary>
    public IReadOnlyList<LabeledText>? Validation { get; init; }

    /// <summary>Share of each label held out for validation when <see cref="Validation"/> is null.</summary>
    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>
    /// Label that stands for "out of scope"; unsure predictions are answered with it. When it occurs in the
    /// training data it is also a class; otherwise out-of-scope texts are caught by the threshold alone, and
    /// validation texts carrying it only serve to choose that threshold.
    /// </summary>
    public string? OutOfScopeLabel { get; init; }

    /// <summary>Fixed confidence threshold for unsure answers; when null it is chosen on validation data.</summary>
    public float? UnsureThreshold { get; init; }

    internal void Validate()
    {
        Features.Validate();
        if (MaxEpochs < 1) throw new ArgumentOutOfRangeException(nameof(MaxEpochs), MaxEpochs, "MaxEpochs must be at least 1.");
        if (Patience < 1) throw new ArgumentOutOfRangeException(nameof(Patience), Patience, "Patience must be at least 1.");
        if (LearningRate <= 0) throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be positive.");
        if (L2 < 0) throw new ArgumentOutOfRangeException(nameof(L2), L2, "L2 must not be negative.");
        if (ValidationFraction is <= 0 or >= 0.5)
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "ValidationFraction must be in (0, 0.5).");
        if (UnsureThreshold is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(UnsureThreshold), UnsureThreshold, "UnsureThreshold must be in [0, 1].");
    }
}
