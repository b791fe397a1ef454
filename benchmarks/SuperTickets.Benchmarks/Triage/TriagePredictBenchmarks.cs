using BenchmarkDotNet.Attributes;
using SuperTickets.Triage.Classification;

namespace SuperTickets.Benchmarks.Triage;

/// <summary>Classifier prediction throughput on the 4,500 in-scope CLINC150 test utterances.</summary>
[MemoryDiagnoser]
public class TriagePredictBenchmarks
{
    private const int Utterances = 4500;
    private TextClassifier _model = null!;
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = TextClassifierTrainer.Train(ClincData.Read("train"), ClincData.Options());
        _texts = ClincData.Read("test").Select(x => x.Text).ToArray();
        if (_texts.Length != Utterances) throw new InvalidOperationException($"expected {Utterances} test utterances, got {_texts.Length}");
    }

    [Benchmark(OperationsPerInvoke = Utterances, Description = "Predict one CLINC150 utterance")]
    public int Predict()
    {
        var unsure = 0;
        foreach (var text in _texts)
            if (_model.Predict(text).IsUnsure) unsure++;
        return unsure;
    }
}
