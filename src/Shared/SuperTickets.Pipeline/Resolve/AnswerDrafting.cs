using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Llm;
using SuperTickets.Llm.Answers;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// Drafts the auto-answers of one batch with the language model, in resolve's prepare phase (outside any transaction),
/// up to <c>Llm:MaxConcurrency</c> at once. Active only when a language model is configured and
/// <c>Resolve:LlmAnswers:Enabled</c> is on; otherwise nothing is drafted and the template answer is sent.
/// </summary>
public sealed partial class AnswerDrafting(
    IOptions<LlmAnswerOptions> options,
    IOptions<LlmOptions> llm,
    ILogger<AnswerDrafting> logger,
    IAnswerDrafter? drafter = null)
{
    public bool IsActive => drafter is not null && options.Value.Enabled;

    /// <summary>Drafts an answer for each email; returns the outcomes by email id (empty when inactive).</summary>
    public async Task<IReadOnlyDictionary<long, AnswerDraftOutcome>> DraftAsync(
        IReadOnlyList<(long EmailId, AnswerDraftRequest Request)> requests, CancellationToken ct)
    {
        if (drafter is null || !IsActive || requests.Count == 0)
        {
            return new Dictionary<long, AnswerDraftOutcome>();
        }
        var outcomes = new AnswerDraftOutcome[requests.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = llm.Value.MaxConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count), parallel,
            async (i, token) => outcomes[i] = await drafter.DraftAsync(requests[i].Request, token));
        var result = new Dictionary<long, AnswerDraftOutcome>();
        for (var i = 0; i < requests.Count; i++)
        {
            var (outcome, usage) = (outcomes[i], outcomes[i].Usage);
            LogDraft(logger, requests[i].EmailId, outcome.Status, outcome.ArticleId, outcome.Reasons.Count == 0 ? "grounded" : string.Join("; ", outcome.Reasons),
                usage.Provider, usage.Model, usage.InputTokens, usage.OutputTokens, usage.Cost, usage.LatencyMs);
            result[requests[i].EmailId] = outcome;
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Answer draft for email {EmailId} {Status} (article {ArticleId}: {Verdict}) via {Provider} {Model}: {InputTokens} input and {OutputTokens} output tokens, cost {Cost}, {LatencyMs} ms")]
    private static partial void LogDraft(ILogger logger, long emailId, AnswerDraftStatus status, string articleId, string verdict,
        string provider, string model, long inputTokens, long outputTokens, decimal cost, long latencyMs);
}
