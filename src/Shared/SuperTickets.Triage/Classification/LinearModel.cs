using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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

    /// <summary>
    /// Class counts scored in vector accumulators; others go row by row through TensorPrimitives. From four classes
    /// on, a row read in whole vectors ends inside the next row or the bias row that follows the last one (at most
    /// seven floats past the row, and a row of four or more classes is followed by at least as many).
    /// </summary>
    private const int MinVectorClasses = 4;
    private const int MaxVectorClasses = 128;

    /// <summary>
    /// Bias plus the weighted sum of the given rows. Each class's score is the same sum in the same order
    /// (multiply, then add, row by row) on every path, so the result has the same bits whichever path runs.
    /// </summary>
    public void Scores(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> scores)
    {
        if (Vector256.IsHardwareAccelerated && Classes is >= MinVectorClasses and <= MaxVectorClasses)
        {
            ScoresInVectors(rows, values, scores);
            return;
        }
        Row(BiasRow).CopyTo(scores);
        for (var i = 0; i < rows.Length; i++)
            TensorPrimitives.MultiplyAdd(Row(rows[i]), values[i], scores, scores);
    }

    /// <summary>
    /// The support models have 9 and 46 classes: a call into TensorPrimitives per row (one or two vectors' work)
    /// cost more than the arithmetic. Here the scores stay in registers across all rows, up to four vectors (32
    /// classes) per pass over the rows. A row is read in whole vectors, so the lanes past <see cref="Classes"/> hold
    /// the next row's weights; they are never copied out.
    /// </summary>
    private void ScoresInVectors(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> scores)
    {
        var width = Vector256<float>.Count;
        var vectors = (Classes + width - 1) / width;
        Span<float> sums = stackalloc float[vectors * width];
        sums.Clear();
        Row(BiasRow).CopyTo(sums);
        for (var first = 0; first < vectors; first += 4)
            AddRows(rows, values, sums, first, Math.Min(4, vectors - first));
        sums[..Classes].CopyTo(scores);
    }

    /// <summary>Adds every row's vectors <paramref name="first"/> to <paramref name="first"/>+<paramref name="count"/>−1 (count 1–4) into <paramref name="sums"/>.</summary>
    private void AddRows(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> sums, int first, int count)
    {
        var width = Vector256<float>.Count;
        ref var weights = ref MemoryMarshal.GetArrayDataReference(Weights);
        ref var sum = ref Unsafe.Add(ref MemoryMarshal.GetReference(sums), first * width);
        var s0 = Vector256.LoadUnsafe(ref sum);
        var s1 = count > 1 ? Vector256.LoadUnsafe(ref sum, (nuint)width) : default;
        var s2 = count > 2 ? Vector256.LoadUnsafe(ref sum, (nuint)(2 * width)) : default;
        var s3 = count > 3 ? Vector256.LoadUnsafe(ref sum, (nuint)(3 * width)) : default;
        for (var i = 0; i < rows.Length; i++)
        {
            // The reads below are unchecked; a row outside the model must not reach them.
            if ((uint)rows[i] >= (uint)Rows)
                throw new ArgumentOutOfRangeException(nameof(rows), rows[i], $"The model has {Rows} rows.");
            var factor = Vector256.Create(values[i]);
            ref var row = ref Unsafe.Add(ref weights, rows[i] * Classes + first * width);
            s0 += Vector256.LoadUnsafe(ref row) * factor;
            if (count > 1) s1 += Vector256.LoadUnsafe(ref row, (nuint)width) * factor;
            if (count > 2) s2 += Vector256.LoadUnsafe(ref row, (nuint)(2 * width)) * factor;
            if (count > 3) s3 += Vector256.LoadUnsafe(ref row, (nuint)(3 * width)) * factor;
        }
        s0.StoreUnsafe(ref sum);
        if (count > 1) s1.StoreUnsafe(ref sum, (nuint)width);
        if (count > 2) s2.StoreUnsafe(ref sum, (nuint)(2 * width));
        if (count > 3) s3.StoreUnsafe(ref sum, (nuint)(3 * width));
    }

    public LinearModel Clone() => new(Rows, Classes, (float[])Weights.Clone());
}
