using System.Numerics.Tensors;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Softmax that gives the same bits on every processor. <see cref="TensorPrimitives.SoftMax{T}"/> sums its exponentials
/// in the machine's vector width and uses a vector approximation of exp, so its last bits differ between, for example,
/// a host with AVX-512 and one without; the built-in models are trained at start-up, and such differences, fed through
/// thousands of updates and an early-stopping choice, would let the same text triage differently on two hosts. Here
/// each exponential is the scalar double-precision one and the sum runs in index order.
/// </summary>
internal static class Softmax
{
    /// <summary>Replaces the scores by their softmax, in place.</summary>
    public static void Apply(Span<float> scores)
    {
        if (scores.IsEmpty) return;
        var max = TensorPrimitives.Max<float>(scores);
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var e = Math.Exp(scores[i] - (double)max);
            scores[i] = (float)e;
            sum += e;
        }
        var inverse = 1 / sum;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = (float)(scores[i] * inverse);
        }
    }
}
