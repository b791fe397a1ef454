namespace SuperTickets.Triage.Classification;

/// <summary>Reported after each training epoch.</summary>
/// <param name="Epoch">Epoch just finished (1-based).</param>
/// <param name="MaxEpochs">Upper bound on epochs.</param>
/// <param name="TrainingLoss">Mean weighted cross-entropy over the epoch.</param>
/// <param name="ValidationAccuracy">Accuracy on the validation data after the epoch.</param>
/// <param name="Stopping">True when early stopping ends training after this epoch.</param>
public sealed record TrainingProgress(int Epoch, int MaxEpochs, double TrainingLoss, double ValidationAccuracy, bool Stopping);
