namespace SuperTickets.Triage.Classification;

/// <summary>Precision, recall and F1 of one label; <paramref name="Support"/> is how many texts carry it.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
