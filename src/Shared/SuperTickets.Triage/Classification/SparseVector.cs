using System.Buffers;

namespace SuperTickets.Triage.Classification;

/// <summary>Row indices and values of a sparse feature vector, backed by pooled arrays.</summary>
internal struct SparseVector : IDisposable
{
    public int[] Rows;
    public float[] Values;
    public int Count;

    public static SparseVector Rent(int capacity = 256) => new()
    {
        Rows = ArrayPool<int>.Shared.Rent(capacity),
        Values = ArrayPool<float>.Shared.Rent(capacity),
    };

    public void EnsureCapacity(int capacity)
    {
        if (Rows.Length >= capacity) return;
        ArrayPool<int>.Shared.Return(Rows);
        ArrayPool<float>.Shared.Return(Values);
        Rows = ArrayPool<int>.Shared.Rent(capacity);
        Values = ArrayPool<float>.Shared.Rent(capacity);
    }

    public void Dispose()
    {
        if (Rows is not null) ArrayPool<int>.Shared.Return(Rows);
        if (Values is not null) ArrayPool<float>.Shared.Return(Values);
        Rows = null!;
        Values = null!;
    }
}
