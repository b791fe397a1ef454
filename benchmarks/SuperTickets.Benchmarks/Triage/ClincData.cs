using SuperTickets.Triage.Classification;
using SuperTickets.Triage.Data;

namespace SuperTickets.Benchmarks.Triage;

/// <summary>CLINC150 splits read from the shared data folder beside the repository root.</summary>
internal static class ClincData
{
    public static IReadOnlyList<LabeledText> Read(params string[] splits) =>
        DatasetReader.ReadFile(Path(), new DatasetReadOptions { Splits = splits }).Items;

    public static TrainingOptions Options() => new() { Validation = Read("val", "oos_val"), OutOfScopeLabel = "oos" };

    private static string Path()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "SuperTickets.sln")))
            directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException("SuperTickets.sln not found above the benchmark binaries.");
        return System.IO.Path.Combine(directory.FullName, "..", "shared", "data", "intents", "clinc150", "data_full.json");
    }
}
