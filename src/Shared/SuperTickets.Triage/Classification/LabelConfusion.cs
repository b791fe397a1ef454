namespace SuperTickets.Triage.Classification;

/// <summary>How often texts labelled <paramref name="Expected"/> were predicted as <paramref name="Predicted"/>.</summary>
public sealed record LabelConfusion(string Expected, string Predicted, int Count);
