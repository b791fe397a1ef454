namespace SuperTickets.Llm.Answers;

/// <summary>The model's structured answer, validated for shape but not yet for grounding.</summary>
/// <param name="Answered">False when the model says the article does not answer the request (the sentinel).</param>
/// <param name="ArticleId">The article id the model cites.</param>
/// <param name="Body">The drafted reply body (empty when not answered).</param>
internal sealed record DraftAnswer(bool Answered, string ArticleId, string Body);
