using System.Text.Json;
using SuperTickets.Llm.Answers;
using SuperTickets.Llm.Refinement;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// How an auto-answer was written, for the interaction log: <c>llm</c> (a grounded draft) or <c>template</c> (the article
/// itself); with the draft's status, its grounding verdict and why it was not used, and what the question cost. Never the
/// customer's text or the draft.
/// </summary>
/// <param name="Mode">llm or template.</param>
/// <param name="Draft">The draft's status; null when no draft was asked for.</param>
/// <param name="Grounding">passed, failed, or null when the draft never reached the checks.</param>
/// <param name="Rejected">Grounding violations or the failure; empty when the draft was used or none was asked for.</param>
/// <param name="Usage">Provider, model, tokens, cost and latency of the question; null when none was asked.</param>
public sealed record AnswerRecord(string Mode, AnswerDraftStatus? Draft, string? Grounding, IReadOnlyList<string> Rejected, LlmUsage? Usage)
{
    public static AnswerRecord From(AnswerDraftOutcome? outcome, bool drafted) => new(
        drafted ? "llm" : "template",
        outcome?.Status,
        outcome?.Status switch
        {
            AnswerDraftStatus.Accepted => "passed",
            AnswerDraftStatus.Rejected => "failed",
            _ => null,
        },
        outcome?.Reasons ?? [],
        outcome?.Usage);

    /// <summary>The end of the interaction summary: who wrote the answer, or why the draft was not used.</summary>
    public string Describe() => Mode == "llm"
        ? $"drafted by {Usage?.Provider} {Usage?.Model}, grounding passed"
        : Draft is null ? "template answer" : $"template answer (draft {JsonNamingPolicy.SnakeCaseLower.ConvertName(Draft.Value.ToString())}: {string.Join("; ", Rejected)})";
}
