using SuperTickets.Knowledge;

namespace SuperTickets.Llm.Answers;

/// <summary>What a draft is written from.</summary>
/// <param name="Subject">The customer's subject line.</param>
/// <param name="CustomerText">The new text of the customer's email (quoted history removed).</param>
/// <param name="Language">The customer's language as triage detected it (ISO 639-1).</param>
/// <param name="Article">The article the knowledge base chose; the only source the answer may use.</param>
public sealed record AnswerDraftRequest(string Subject, string CustomerText, string Language, KbArticle Article);
