namespace SuperTickets.Triage.Classification;

/// <summary>Vectorized texts in compressed sparse row form, with label indices.</summary>
internal sealed class SparseDataset
{
    private SparseDataset(int[] offsets, int[] rows, float[] values, int[] labels)
    {
        Offsets = offsets;
        Rows = rows;
        Values = values;
        Labels = labels;
    }

    public int[] Offsets { get; }

    public int[] Rows { get; }

    public float[] Values { get; }

    public int[] Labels { get; }

    public int Count => Labels.Length;

    public static SparseDataset Build(FeatureSpace space, IReadOnlyList<LabeledText> items, IReadOnlyDictionary<string, int> labelIndex)
    {
        var offsets = new int[items.Count + 1];
        var rows = new List<int>(items.Count * 64);
        var values = new List<float>(items.Count * 64);
        var labels = new int[items.Count];
        var vector = SparseVector.Rent();
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                space.Vectorize(items[i].Text, ref vector);
                for (var j = 0; j < vector.Count; j++)
                {
                    rows.Add(vector.Rows[j]);
                    values.Add(vector.Values[j]);
                }
                offsets[i + 1] = rows.Count;
                labels[i] = labelIndex[items[i].Label];
            }
        }
        finally
        {
            vector.Dispose();
        }
        return new SparseDataset(offsets, rows.ToArray(), values.ToArray(), labels);
    }

    public ReadOnlySpan<int> RowsOf(int index) => Rows.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);

    public ReadOnlySpan<float> ValuesOf(int index) => Values.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);
}
