using System.Numerics.Tensors;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Multinomial linear model. Weights are feature-major: the class weights of one feature row are
/// contiguous, so scoring a sparse vector is one SIMD multiply-add per non-zero feature. The last row
/// holds the class biases.
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
        Row(BiasRow).CopyTo(scores);
        for (var i = 0; i < rows.Length; i++)
            TensorPrimitives.MultiplyAdd(Row(rows[i]), values[i], scores, scores);
    }

    public LinearModel Clone() => new(Rows, Classes, (float[])Weights.Clone());
}
