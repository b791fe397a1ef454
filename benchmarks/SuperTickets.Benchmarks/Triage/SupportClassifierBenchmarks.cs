using BenchmarkDotNet.Attributes;
using SuperTickets.Triage;
using SuperTickets.Triage.Classification;

namespace SuperTickets.Benchmarks.Triage;

/// <summary>
/// The two classifiers of the built-in support model on their own (9 categories, 46 intents), trained the way
/// <see cref="DefaultSupportModel"/> trains them, over the samples' own ticket texts.
/// </summary>
[MemoryDiagnoser]
public class SupportClassifierBenchmarks
{
    private TextClassifier _category = null!;
    private TextClassifier _intent = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _category = TextClassifierTrainer.Train(DefaultSupportModel.TrainingSet("category"), DefaultSupportModel.Options);
        _intent = TextClassifierTrainer.Train(DefaultSupportModel.TrainingSet("intent"), DefaultSupportModel.Options);
        _texts = DefaultSupportModel.TrainingSet("category").Take(64).Select(t => t.Text).ToArray();
    }

    [Benchmark(OperationsPerInvoke = 64, Description = "Category of one ticket (9 classes)")]
    public int Category() => Classify(_category);

    [Benchmark(OperationsPerInvoke = 64, Description = "Intent of one ticket (46 classes)")]
    public int Intent() => Classify(_intent);

    private int Classify(TextClassifier classifier)
    {
        var unsure = 0;
        foreach (var text in _texts)
            if (classifier.Predict(text).IsUnsure) unsure++;
        return unsure;
    }
}
