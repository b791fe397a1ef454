using System.Numerics;
using System.Runtime.InteropServices;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Per-weight AdaGrad with L2 applied to the rows an example touches. One fused SIMD pass per row:
/// gradient, squared-gradient accumulator and weight update.
/// </summary>
internal sealed class AdaGradOptimizer
{
    private const float Epsilon = 1e-6f;
    private readonly LinearModel _model;
    private readonly float[] _accumulators;
    private readonly float _learningRate;
    private readonly float _l2;

    public AdaGradOptimizer(LinearModel model, float learningRate, float l2)
    {
        _model = model;
        _accumulators = new float[model.Weights.Length];
        _learningRate = learningRate;
        _l2 = l2;
    }

    /// <summary>Applies the update for one example given the loss gradient per class.</summary>
    public void Step(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, ReadOnlySpan<float> classGradient)
    {
        for (var i = 0; i < rows.Length; i++) UpdateRow(rows[i], values[i], classGradient);
        UpdateRow(_model.BiasRow, 1f, classGradient);
    }

    private void UpdateRow(int row, float x, ReadOnlySpan<float> g)
    {
        var k = _model.Classes;
        var w = _model.Weights.AsSpan(row * k, k);
        var acc = _accumulators.AsSpan(row * k, k);
        var width = Vector<float>.Count;
        var j = 0;
        if (Vector.IsHardwareAccelerated && k >= width)
        {
            var vx = new Vector<float>(x);
            var vl2 = new Vector<float>(_l2);
            var vlr = new Vector<float>(_learningRate);
            var veps = new Vector<float>(Epsilon);
            var gv = MemoryMarshal.Cast<float, Vector<float>>(g);
            var wv = MemoryMarshal.Cast<float, Vector<float>>(w);
            var av = MemoryMarshal.Cast<float, Vector<float>>(acc);
            for (var v = 0; v < wv.Length; v++)
            {
                var grad = gv[v] * vx + wv[v] * vl2;
                var a = av[v] + grad * grad;
                av[v] = a;
                wv[v] -= vlr * grad / (Vector.SquareRoot(a) + veps);
            }
            j = wv.Length * width;
        }
        for (; j < k; j++)
        {
            var grad = g[j] * x + w[j] * _l2;
            acc[j] += grad * grad;
            w[j] -= _learningRate * grad / (MathF.Sqrt(acc[j]) + Epsilon);
        }
    }
}
