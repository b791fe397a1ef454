using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// Symmetric linear quantization of unit vectors for the brute-force scan: article rows as 8-bit integers
/// with one scale per row, the query as 16-bit integers. A row is a quarter of its float size, which is what
/// bounds a scan over 100,000 rows (memory bandwidth), and the dot product error stays below about 1 %.
/// </summary>
internal static class Int8Vectors
{
    /// <summary>Writes <paramref name="row"/> and returns the factor that turns integer dots back into floats.</summary>
    public static float QuantizeRow(ReadOnlySpan<float> vector, Span<sbyte> row)
    {
        var max = MaxAbs(vector);
        if (max == 0f)
        {
            row.Clear();
            return 0f;
        }

        var factor = 127f / max;
        for (var i = 0; i < vector.Length; i++)
        {
            row[i] = (sbyte)MathF.Round(vector[i] * factor);
        }

        return max / 127f;
    }

    public static float QuantizeQuery(ReadOnlySpan<float> vector, Span<short> query)
    {
        var max = MaxAbs(vector);
        if (max == 0f)
        {
            query.Clear();
            return 0f;
        }

        var factor = 16383f / max;
        for (var i = 0; i < vector.Length; i++)
        {
            query[i] = (short)MathF.Round(vector[i] * factor);
        }

        return max / 16383f;
    }

    public static int Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && row.Length >= 32)
        {
            var acc = Vector256<int>.Zero;
            ref var r = ref MemoryMarshal.GetReference(row);
            ref var q = ref MemoryMarshal.GetReference(query);
            for (; i <= row.Length - 32; i += 32)
            {
                var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref r, (nuint)i));
                acc += Avx2.MultiplyAddAdjacent(low, Vector256.LoadUnsafe(ref q, (nuint)i));
                acc += Avx2.MultiplyAddAdjacent(high, Vector256.LoadUnsafe(ref q, (nuint)(i + 16)));
            }

            sum = Vector256.Sum(acc);
        }

        for (; i < row.Length; i++)
        {
            sum += row[i] * query[i];
        }

        return sum;
    }

    private static float MaxAbs(ReadOnlySpan<float> vector)
    {
        var max = 0f;
        foreach (var v in vector)
        {
            max = MathF.Max(max, MathF.Abs(v));
        }

        return max;
    }
}
