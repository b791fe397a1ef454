using SuperTickets.Triage.Classification;
using SuperTickets.Triage.Data;

namespace SuperTickets.Triage.Tests.Classification;

/// <summary>A small slice of CLINC150 (a dozen intents) for tests that train quickly.</summary>
internal static class ClincSubset
{
    private static readonly Lazy<(IReadOnlyList<LabeledText> Train, IReadOnlyList<LabeledText> Test)> Data = new(Load);

    public static IReadOnlyList<LabeledText> Train => Data.Value.Train;

    public static IReadOnlyList<LabeledText> Test => Data.Value.Test;

    private static (IReadOnlyList<LabeledText>, IReadOnlyList<LabeledText>) Load()
    {
        var path = SharedData.Path("intents", "clinc150", "data_full.json");
        var train = DatasetReader.ReadFile(path, new DatasetReadOptions { Splits = ["train"] }).Items;
        var test = DatasetReader.ReadFile(path, new DatasetReadOptions { Splits = ["test"] }).Items;
        var intents = train.Select(x => x.Label).Distinct().Order(StringComparer.Ordinal).Take(12).ToHashSet();
        return (train.Where(x => intents.Contains(x.Label)).ToArray(), test.Where(x => intents.Contains(x.Label)).ToArray());
    }
}
