using Microsoft.Extensions.AI;
using Polly;
using Polly.CircuitBreaker;
using SuperTickets.Llm.Refinement;

namespace SuperTickets.Llm;

/// <summary>
/// One question to the language model: failures become a short, content-free reason instead of an exception (errors,
/// throttling that outlasts the retries, timeouts, an open circuit), and every answer is accounted for in tokens, cost
/// and latency. A cancelled caller token is never swallowed.
/// </summary>
internal static class LlmCall
{
    public static async Task<LlmCallResult> AskAsync(
        IChatClient client, LlmOptions settings, TimeProvider clock, IEnumerable<ChatMessage> prompt, ChatOptions chatOptions,
        TimeSpan? deadline, CancellationToken ct)
    {
        var metadata = client.GetService<ChatClientMetadata>();
        var provider = metadata?.ProviderName ?? settings.Provider.ToString().ToLowerInvariant();
        var model = metadata?.DefaultModelId ?? settings.Model ?? "unknown";
        var started = clock.GetTimestamp();
        using var timeout = deadline is { } limit ? new CancellationTokenSource(limit, clock) : null;
        using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(prompt, chatOptions, linked?.Token ?? ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (Failure(ex, ct) is { } failure)
        {
            return new LlmCallResult(null, failure, new LlmUsage(provider, model, 0, 0, 0m, Elapsed(clock, started)));
        }
        var input = response.Usage?.InputTokenCount ?? 0;
        var output = response.Usage?.OutputTokenCount ?? 0;
        var cost = input * settings.InputCostPer1kTokens / 1000m + output * settings.OutputCostPer1kTokens / 1000m;
        return new LlmCallResult(response, null, new LlmUsage(provider, response.ModelId ?? model, input, output, cost, Elapsed(clock, started)));
    }

    private static string? Failure(Exception ex, CancellationToken ct) => ex switch
    {
        LlmRequestException request => request.Describe(),
        BrokenCircuitException or IsolatedCircuitException => "circuit open",
        ExecutionRejectedException or TimeoutException => "timed out",
        HttpRequestException => "connection failed",
        OperationCanceledException when !ct.IsCancellationRequested => "timed out",
        _ => null,
    };

    private static long Elapsed(TimeProvider clock, long started) => (long)clock.GetElapsedTime(started).TotalMilliseconds;
}
