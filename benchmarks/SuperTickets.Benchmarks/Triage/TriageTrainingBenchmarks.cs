using BenchmarkDotNet.Attributes;
using SuperTickets.Triage;
using SuperTickets.Triage.Classification;

namespace SuperTickets.Benchmarks.Triage;

/// <summary>Training time: full CLINC150 (15,000 texts, 150 intents) and the built-in support-ticket models.</summary>
[MemoryDiagnoser]
public class TriageTrainingBenchmarks
{
    private IReadOnlyList<LabeledText> _clinc = [];
    private TrainingOptions _clincOptions = null!;
    private IReadOnlyList<LabeledText> _categories = [];
    private IReadOnlyList<LabeledText> _intents = [];

    [GlobalSetup]
    public void Setup()
    {
        _clinc = ClincData.Read("train");
        _clincOptions = ClincData.Options();
        _categories = DefaultSupportModel.ReadSamples("category").Items;
        _intents = DefaultSupportModel.ReadSamples("intent").Items;
    }

    [Benchmark(Description = "Train CLINC150 (train split, val for early stopping)")]
    public TextClassifier TrainClinc() => TextClassifierTrainer.Train(_clinc, _clincOptions);

    [Benchmark(Description = "Train support category + intent models")]
    public int TrainSupportModels() =>
        TextClassifierTrainer.Train(_categories, DefaultSupportModel.Options).Labels.Count
        + TextClassifierTrainer.Train(_intents, DefaultSupportModel.Options).Labels.Count;
}
