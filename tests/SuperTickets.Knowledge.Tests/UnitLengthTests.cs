using SuperTickets.Knowledge.Embedding;

namespace SuperTickets.Knowledge.Tests;

public sealed class UnitLengthTests
{
    [Fact]
    public void A_vector_becomes_unit_length_with_its_direction_kept()
    {
        var random = new Random(7);
        var vector = Enumerable.Range(0, 256).Select(_ => (float)(random.NextDouble() * 6 - 3)).ToArray();
        var original = vector.ToArray();

        UnitLength.Normalize(vector);

        Assert.Equal(1d, Math.Sqrt(vector.Sum(v => (double)v * v)), 6);
        var scale = original[0] / vector[0];
        Assert.All(Enumerable.Range(0, vector.Length), i => Assert.Equal(original[i], vector[i] * scale, 4));
    }

    [Fact]
    public void The_norm_is_the_exact_square_root_of_the_sum_of_squares_rounded_once()
    {
        // 3-4-12-84 has norm 85 exactly; any summation order gives it, and so must this one, to the bit
        float[] vector = [3f, 4f, 12f, 84f];

        UnitLength.Normalize(vector);

        Assert.Equal([3f / 85f, 4f / 85f, 12f / 85f, 84f / 85f], vector);
    }

    [Fact]
    public void A_zero_vector_stays_zero()
    {
        var vector = new float[16];

        UnitLength.Normalize(vector);

        Assert.All(vector, v => Assert.Equal(0f, v));
    }
}
