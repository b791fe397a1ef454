using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

/// <summary>
/// Scoring a sparse vector: both paths (vector accumulators from 4 to 128 classes, TensorPrimitives for narrower and
/// wider models) give the bits of the plain sum, bias first, then each row multiplied and added in order.
/// </summary>
public sealed class LinearModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(46)]
    [InlineData(128)]
    [InlineData(150)]
    public void Scores_have_the_bits_of_the_plain_sum_in_row_order(int classes)
    {
        var random = new Random(classes);
        const int rows = 500;
        var weights = Enumerable.Range(0, (rows + 1) * classes).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var model = new LinearModel(rows, classes, weights);
        // Rows in any order, repeated, and the last rows, whose whole vectors end in the bias row.
        int[] picked = [.. Enumerable.Range(0, 300).Select(_ => random.Next(rows)), rows - 1, rows - 2, 0, rows - 1];
        var values = picked.Select(_ => (float)random.NextDouble()).ToArray();

        var scores = new float[classes];
        model.Scores(picked, values, scores);

        var expected = new float[classes];
        for (var c = 0; c < classes; c++)
        {
            var sum = weights[rows * classes + c];
            for (var i = 0; i < picked.Length; i++)
                sum += weights[picked[i] * classes + c] * values[i];
            expected[c] = sum;
        }
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), scores.Select(BitConverter.SingleToInt32Bits));
    }

    [Fact]
    public void No_rows_score_the_bias()
    {
        var model = new LinearModel(2, 9, Enumerable.Range(0, 27).Select(i => (float)i).ToArray());
        var scores = new float[9];

        model.Scores([], [], scores);

        Assert.Equal(Enumerable.Range(18, 9).Select(i => (float)i), scores);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void A_row_outside_the_model_is_refused(int row)
    {
        var model = new LinearModel(2, 9);

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Scores([row], [1f], new float[9]));
    }
}
