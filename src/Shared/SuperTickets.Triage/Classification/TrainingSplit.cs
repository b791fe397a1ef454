namespace SuperTickets.Triage.Classification;

/// <summary>Deterministic stratified train/validation split.</summary>
internal static class TrainingSplit
{
    public static (IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> Validation) Create(
        IReadOnlyList<LabeledText> data, TrainingOptions options)
    {
        if (options.Validation is { } given) return (data, given);
        var random = new Random(options.Seed);
        var train = new List<LabeledText>(data.Count);
        var validation = new List<LabeledText>();
        var groups = Enumerable.Range(0, data.Count)
            .GroupBy(i => data[i].Label, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var indices = group.ToArray();
            random.Shuffle(indices);
            var held = indices.Length < 3 ? 0 : Math.Max(1, (int)Math.Round(indices.Length * options.ValidationFraction));
            for (var j = 0; j < indices.Length; j++)
                (j < held ? validation : train).Add(data[indices[j]]);
        }
        return (train, validation);
    }
}
