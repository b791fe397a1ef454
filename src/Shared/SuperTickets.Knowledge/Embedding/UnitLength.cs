using System.Numerics.Tensors;

namespace SuperTickets.Knowledge.Embedding;

/// <summary>
/// Scales an embedding to unit length with the same result on every processor. A library norm sums its squares in
/// whatever vector width the machine has (256 bits here, 512 on another), and float addition in a different order
/// rounds differently, so the same text would embed to vectors that differ in their last bits from one machine to the
/// next, and a search could rank a near tie differently. The squares are summed here one by one in double precision,
/// in index order: exact for any realistic length and defined by IEEE arithmetic alone. The division is element by
/// element, which is the same at any width.
/// </summary>
internal static class UnitLength
{
    public static void Normalize(Span<float> vector)
    {
        var sum = 0d;
        foreach (var value in vector)
        {
            sum += (double)value * value;
        }
        var norm = (float)Math.Sqrt(sum);
        if (norm > 0f)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }
}
