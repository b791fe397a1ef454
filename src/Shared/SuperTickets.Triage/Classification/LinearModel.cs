using System.Numerics;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Multinomial linear model. Weights are feature-major: the class weights of one feature row are
/// contiguous, so scoring a sparse vector is one SIMD multiply-add per non-zero feature. The last row
/// holds the class biases. A row is only as wide as the label count (about ten), so the multiply-add is written
/// here: a general span kernel's checks and dispatch cost more than the arithmetic at that width.
/// </summary>
internal sealed class LinearModel
{
    public LinearModel(int rows, int classes, float[]? weights = null)
    {
        Rows = rows;
        Classes = classes;
        Weights = weights ?? new float[(rows + 1) * classes];
        if (Weights.Length != (rows + 1) * classes)
            throw new ArgumentException("Weight array does not match rows and classes.", nameof(weights));
    }

    public int Rows { get; }

    public int Classes { get; }

    public float[] Weights { get; }

    public int BiasRow => Rows;

    public Span<float> Row(int row) => Weights.AsSpan(row * Classes, Classes);

    public void Scores(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> scores)
    {
        var k = Classes;
        scores = scores[..k];
        Row(BiasRow).CopyTo(scores);
        var width = Vector<float>.Count;
        for (var i = 0; i < rows.Length; i++)
        {
            var row = Row(rows[i]);
            var value = values[i];
            var c = 0;
            for (; c <= k - width; c += width)
                (new Vector<float>(row[c..]) * value + new Vector<float>(scores[c..])).CopyTo(scores[c..]);
            for (; c < k; c++)
                scores[c] += row[c] * value;
        }
    }

    public LinearModel Clone() => new(Rows, Classes, (float[])Weights.Clone());
}
