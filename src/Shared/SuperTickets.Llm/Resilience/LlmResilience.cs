using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace SuperTickets.Llm.Resilience;

/// <summary>The resilience pipeline around every language model call: retry (outermost), circuit breaker, per-attempt timeout.</summary>
public static class LlmResilience
{
    private static readonly TimeSpan MaxServerRequestedDelay = TimeSpan.FromSeconds(20);

    public static ResiliencePipeline CreatePipeline(LlmOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome.Exception)),
            });
        }
        var breaker = options.CircuitBreaker;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = breaker.SamplingDuration,
            BreakDuration = breaker.BreakDuration,
        });
        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    /// <summary>Failures worth another attempt: throttling, server errors, timeouts and lost connections.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        LlmRequestException request => request.IsTransient,
        TimeoutRejectedException or TimeoutException or HttpRequestException => true,
        _ => false,
    };

    private static TimeSpan? ServerRequestedDelay(Exception? exception) =>
        exception is LlmRequestException { RetryAfter: { } after } && after >= TimeSpan.Zero
            ? (after < MaxServerRequestedDelay ? after : MaxServerRequestedDelay)
            : null;
}
