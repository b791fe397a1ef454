namespace SuperTickets.Llm.Answers;

public enum AnswerDraftStatus
{
    /// <summary>The draft passed every grounding check and may be sent.</summary>
    Accepted,

    /// <summary>The model said the article does not answer the request.</summary>
    NotAnswered,

    /// <summary>The model answered, but the draft failed a grounding check.</summary>
    Rejected,

    /// <summary>No usable answer: an error, a timeout, an open circuit or output that is not the requested JSON.</summary>
    Failed,
}
