namespace SuperTickets.Knowledge.Retrieval;

/// <summary>Immutable posting list of one term: document ordinals and field-weighted term frequencies.</summary>
internal sealed class Posting(int[] docs, float[] frequencies)
{
    public static readonly Posting Empty = new([], []);

    public int[] Docs { get; } = docs;

    public float[] Frequencies { get; } = frequencies;

    public Posting With(int doc, float frequency)
    {
        var docs = new int[Docs.Length + 1];
        var freqs = new float[Docs.Length + 1];
        Docs.CopyTo(docs, 0);
        Frequencies.CopyTo(freqs, 0);
        docs[^1] = doc;
        freqs[^1] = frequency;
        return new Posting(docs, freqs);
    }

    public Posting Without(int doc)
    {
        var at = Array.IndexOf(Docs, doc);
        if (at < 0)
        {
            return this;
        }

        var docs = new int[Docs.Length - 1];
        var freqs = new float[Docs.Length - 1];
        Docs.AsSpan(0, at).CopyTo(docs);
        Docs.AsSpan(at + 1).CopyTo(docs.AsSpan(at));
        Frequencies.AsSpan(0, at).CopyTo(freqs);
        Frequencies.AsSpan(at + 1).CopyTo(freqs.AsSpan(at));
        return new Posting(docs, freqs);
    }

    public Posting Renumber(int from, int to)
    {
        var at = Array.IndexOf(Docs, from);
        if (at < 0)
        {
            return this;
        }

        var docs = (int[])Docs.Clone();
        docs[at] = to;
        return new Posting(docs, Frequencies);
    }
}
