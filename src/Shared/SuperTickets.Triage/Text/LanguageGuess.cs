namespace SuperTickets.Triage.Text;

/// <summary>Detected language (ISO 639-1 code) with a confidence in 0..1.</summary>
public sealed record LanguageGuess(string Language, float Confidence);
