namespace SuperTickets.Knowledge.Retrieval;

/// <summary>An article's stems with field-weighted frequencies, before term ids are assigned.</summary>
internal sealed record ArticleTerms(KbArticle Article, Dictionary<string, float> Frequencies, float Length);
