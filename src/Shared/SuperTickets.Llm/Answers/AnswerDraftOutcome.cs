using SuperTickets.Llm.Refinement;

namespace SuperTickets.Llm.Answers;

/// <summary>The result of drafting one answer.</summary>
/// <param name="Status">Whether the draft may be sent, and if not, why not.</param>
/// <param name="ArticleId">The article the draft was asked for.</param>
/// <param name="Body">The checked draft; null unless <see cref="AnswerDraftStatus.Accepted"/>.</param>
/// <param name="Reasons">Why the draft is not used: grounding violations or the failure (content-free); empty when accepted.</param>
/// <param name="Usage">Tokens, cost and latency of the question.</param>
public sealed record AnswerDraftOutcome(AnswerDraftStatus Status, string ArticleId, string? Body, IReadOnlyList<string> Reasons, LlmUsage Usage)
{
    public bool Accepted => Status == AnswerDraftStatus.Accepted && Body is not null;
}
