using SuperTickets.Triage.Classification;
using SuperTickets.Triage.Data;

namespace SuperTickets.Triage.Tests.Classification;

/// <summary>Trains one CLINC150 model for all tests that need it (threshold-based out-of-scope detection).</summary>
public sealed class ClincFixture
{
    public ClincFixture()
    {
        var path = SharedData.Path("intents", "clinc150", "data_full.json");
        Train = Read(path, "train");
        Validation = Read(path, "val", "oos_val");
        Test = Read(path, "test", "oos_test");
        Model = TextClassifierTrainer.Train(Train, new TrainingOptions { Validation = Validation, OutOfScopeLabel = "oos" });
        Report = Model.Evaluate(Test);
    }

    public IReadOnlyList<LabeledText> Train { get; }

    public IReadOnlyList<LabeledText> Validation { get; }

    public IReadOnlyList<LabeledText> Test { get; }

    public TextClassifier Model { get; }

    public EvaluationReport Report { get; }

    private static IReadOnlyList<LabeledText> Read(string path, params string[] splits) =>
        DatasetReader.ReadFile(path, new DatasetReadOptions { Splits = splits }).Items;
}
