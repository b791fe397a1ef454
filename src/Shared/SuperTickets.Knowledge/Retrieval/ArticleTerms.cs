namespace SuperTickets.Knowledge.Retrieval;

/// <summary>
/// An article's distinct stems (concatenated in <paramref name="Stems"/>, stem i ending at
/// <paramref name="StemEnds"/>[i]) with field-weighted frequencies and the BM25 length, before term ids are assigned.
/// </summary>
internal sealed record ArticleTerms(KbArticle Article, string Stems, int[] StemEnds, float[] Frequencies, float Length)
{
    public ReadOnlySpan<char> Stem(int index) =>
        Stems.AsSpan()[(index == 0 ? 0 : StemEnds[index - 1])..StemEnds[index]];
}
