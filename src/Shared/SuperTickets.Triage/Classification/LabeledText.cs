namespace SuperTickets.Triage.Classification;

/// <summary>A text with its expected label, used for training and evaluation.</summary>
public sealed record LabeledText(string Text, string Label);
