namespace SuperTickets.Llm.Answers;

/// <summary>Drafts the body of an automatic answer from one knowledge-base article, checked before it may be sent.</summary>
public interface IAnswerDrafter
{
    /// <summary>
    /// Drafts and checks an answer. Never throws for a failing, slow or unavailable model (the outcome says why there
    /// is no usable draft); only the caller's cancellation is passed on.
    /// </summary>
    Task<AnswerDraftOutcome> DraftAsync(AnswerDraftRequest request, CancellationToken ct);
}
