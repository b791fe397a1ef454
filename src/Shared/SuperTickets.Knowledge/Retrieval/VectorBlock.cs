namespace SuperTickets.Knowledge.Retrieval;

/// <summary>A fixed number of quantized embedding rows stored contiguously, with one scale per row.</summary>
internal sealed class VectorBlock
{
    private readonly sbyte[] _rows;
    private readonly float[] _scales;

    public VectorBlock(int rows, int dimensions)
        : this(new sbyte[rows * dimensions], new float[rows], dimensions)
    {
    }

    private VectorBlock(sbyte[] rows, float[] scales, int dimensions)
    {
        _rows = rows;
        _scales = scales;
        Dimensions = dimensions;
    }

    public int Dimensions { get; }

    public VectorBlock Clone() => new((sbyte[])_rows.Clone(), (float[])_scales.Clone(), Dimensions);

    public void Set(int row, ReadOnlySpan<float> vector) =>
        _scales[row] = Int8Vectors.QuantizeRow(vector, _rows.AsSpan(row * Dimensions, Dimensions));

    public void CopyRow(int row, VectorBlock source, int sourceRow)
    {
        source._rows.AsSpan(sourceRow * Dimensions, Dimensions).CopyTo(_rows.AsSpan(row * Dimensions, Dimensions));
        _scales[row] = source._scales[sourceRow];
    }

    public float Similarity(int row, ReadOnlySpan<short> query, float queryScale) =>
        Int8Vectors.Dot(_rows.AsSpan(row * Dimensions, Dimensions), query) * _scales[row] * queryScale;

    /// <summary>Offers the similarity of each of the first <paramref name="count"/> rows to <paramref name="top"/>.</summary>
    public void Scan(int count, int firstOrdinal, ReadOnlySpan<short> query, float queryScale, TopK top, Func<int, bool>? accept)
    {
        for (var r = 0; r < count; r++)
        {
            var ordinal = firstOrdinal + r;
            if (accept is null || accept(ordinal))
            {
                top.Offer(Similarity(r, query, queryScale), ordinal);
            }
        }
    }
}
