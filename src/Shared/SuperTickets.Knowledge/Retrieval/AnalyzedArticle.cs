namespace SuperTickets.Knowledge.Retrieval;

/// <summary>An article with its indexed terms (field-weighted frequencies) and BM25 length.</summary>
internal sealed record AnalyzedArticle(KbArticle Article, int[] TermIds, float[] Frequencies, float Length);
