using System.Buffers;
using System.Numerics.Tensors;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// A trained linear text classifier with calibrated confidence. Immutable and safe to share across threads.
/// Create one with <see cref="TextClassifierTrainer.Train"/> or <see cref="Load"/>.
/// </summary>
public sealed class TextClassifier
{
    private const int TopCount = 3;
    private readonly FeatureSpace _space;
    private readonly LinearModel _model;
    private readonly string[] _labels;
    private readonly int _outOfScope;
    private readonly string? _outOfScopeLabel;
    private readonly float _inverseTemperature;

    internal TextClassifier(FeatureSpace space, LinearModel model, ModelMetadata metadata)
    {
        _space = space;
        _model = model;
        Metadata = metadata;
        _labels = metadata.Labels.ToArray();
        _outOfScopeLabel = metadata.OutOfScopeLabel;
        _outOfScope = _outOfScopeLabel is null ? -1 : Array.IndexOf(_labels, _outOfScopeLabel);
        _inverseTemperature = 1f / metadata.Temperature;
    }

    /// <summary>Labels, settings and validation metrics recorded at training time.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>Class labels in model order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    internal FeatureSpace Space => _space;

    internal LinearModel Model => _model;

    /// <summary>Classifies one text.</summary>
    public Prediction Predict(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var vector = SparseVector.Rent();
        try
        {
            _space.Vectorize(text, ref vector);
            return Predict(vector);
        }
        finally
        {
            vector.Dispose();
        }
    }

    /// <summary>
    /// Classifies a text from its sorted bucket ids (<see cref="FeatureSpace.Buckets"/>), which classifiers with equal
    /// <see cref="FeatureOptions"/> can share.
    /// </summary>
    internal Prediction Predict(ReadOnlySpan<int> buckets)
    {
        var vector = SparseVector.Rent();
        try
        {
            _space.Vectorize(buckets, ref vector);
            return Predict(vector);
        }
        finally
        {
            vector.Dispose();
        }
    }

    private Prediction Predict(in SparseVector vector)
    {
        var k = _labels.Length;
        var rented = ArrayPool<float>.Shared.Rent(k);
        try
        {
            var probabilities = rented.AsSpan(0, k);
            _model.Scores(vector.Rows.AsSpan(0, vector.Count), vector.Values.AsSpan(0, vector.Count), probabilities);
            var (best, confidence, unsure) = Calibrate(probabilities);
            var top = new (string Label, float Score)[Math.Min(TopCount, k)];
            for (var t = 0; t < top.Length; t++)
            {
                var index = TensorPrimitives.IndexOfMax(probabilities);
                top[t] = (_labels[index], probabilities[index]);
                probabilities[index] = float.NegativeInfinity;
            }
            var label = unsure && _outOfScopeLabel is not null ? _outOfScopeLabel : _labels[best];
            return new Prediction(label, confidence, unsure, top);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Evaluates the classifier on labelled texts. When <paramref name="outOfScopeLabel"/> (or the model's own
    /// out-of-scope label) is known, unsure answers count as that label and in-scope accuracy and
    /// out-of-scope recall are reported.
    /// </summary>
    public EvaluationReport Evaluate(IEnumerable<LabeledText> data, string? outOfScopeLabel = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var oos = outOfScopeLabel ?? Metadata.OutOfScopeLabel;
        var expected = new List<string>();
        var answered = new List<string>();
        var unsureCount = 0;
        var probabilities = new float[_labels.Length];
        foreach (var item in data)
        {
            var (best, _, unsure) = Answer(item.Text, probabilities);
            if (unsure) unsureCount++;
            expected.Add(item.Label);
            answered.Add(unsure && oos is not null ? oos : _labels[best]);
        }
        return Evaluator.Build(expected, answered, unsureCount, oos);
    }

    /// <summary>Writes the model in the versioned binary format (with checksum).</summary>
    public void Save(Stream stream) => ModelSerializer.Write(this, stream);

    /// <summary>Reads a model; throws <see cref="ModelFormatException"/> for a corrupt or incompatible file.</summary>
    public static TextClassifier Load(Stream stream) => ModelSerializer.Read(stream);

    internal (int Best, float Confidence, bool Unsure) Answer(ReadOnlySpan<char> text, Span<float> probabilities)
    {
        Logits(text, probabilities);
        return Calibrate(probabilities);
    }

    /// <summary>Turns logits into calibrated probabilities in place and picks the answer.</summary>
    private (int Best, float Confidence, bool Unsure) Calibrate(Span<float> probabilities)
    {
        TensorPrimitives.Multiply(probabilities, _inverseTemperature, probabilities);
        Softmax.Apply(probabilities);
        var best = TensorPrimitives.IndexOfMax(probabilities);
        var confidence = probabilities[best];
        return (best, confidence, confidence < Metadata.UnsureThreshold || best == _outOfScope);
    }

    internal void Logits(ReadOnlySpan<char> text, Span<float> scores)
    {
        var vector = SparseVector.Rent();
        try
        {
            _space.Vectorize(text, ref vector);
            _model.Scores(vector.Rows.AsSpan(0, vector.Count), vector.Values.AsSpan(0, vector.Count), scores);
        }
        finally
        {
            vector.Dispose();
        }
    }

    internal TextClassifier WithMetadata(ModelMetadata metadata) => new(_space, _model, metadata);
}
