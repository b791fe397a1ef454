namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// Per-thread working memory for one search: a dense score accumulator that is kept all-zero between
/// searches (only touched entries are reset), the list of touched ordinals, and a similarity buffer.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? s_current;

    public float[] Scores { get; private set; } = [];

    public List<int> Touched { get; } = [];

    public float[] Similarities { get; private set; } = [];

    public static Scratch For(int count)
    {
        var scratch = s_current ??= new Scratch();
        if (scratch.Scores.Length < count)
        {
            scratch.Scores = new float[count + (count / 4)];
            scratch.Similarities = new float[scratch.Scores.Length];
        }

        return scratch;
    }

    public void Reset()
    {
        foreach (var d in Touched)
        {
            Scores[d] = 0f;
        }

        Touched.Clear();
    }
}
