using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Data;

/// <summary>Labelled texts read from a file, with warnings about rows that were skipped.</summary>
public sealed record Dataset(IReadOnlyList<LabeledText> Items, IReadOnlyList<string> Warnings)
{
    /// <summary>Warnings that matter for training: labels with fewer than <paramref name="minimumPerLabel"/> examples.</summary>
    public IReadOnlyList<string> TrainingWarnings(int minimumPerLabel = 2) =>
        Items.GroupBy(x => x.Label, StringComparer.Ordinal)
            .Where(g => g.Count() < minimumPerLabel)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"label '{g.Key}' has only {g.Count()} example(s); at least {minimumPerLabel} are needed")
            .ToArray();
}
