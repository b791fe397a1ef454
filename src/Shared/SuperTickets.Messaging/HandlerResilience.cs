using System.Data.Common;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace SuperTickets.Messaging;

/// <summary>
/// In-process protection around a batch: transient database failures (timeouts, dropped connections,
/// busy locks) are retried with jittered exponential backoff before the transport's own retry path sees
/// them, and a circuit breaker stops hammering a dependency that keeps failing.
/// </summary>
public sealed partial class HandlerResilience
{
    public HandlerResilience(ILogger<HandlerResilience> logger)
    {
        var transient = new PredicateBuilder().Handle<Exception>(IsTransient);
        Pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(100),
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, args.Outcome.Exception);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
                OnOpened = args =>
                {
                    LogOpened(logger, args.BreakDuration);
                    return default;
                },
            })
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }

    public static bool IsTransient(Exception ex) => ex switch
    {
        DbException db => db.IsTransient,
        TimeoutException => true,
        _ => ex.InnerException is { } inner && IsTransient(inner),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient failure; retry {Attempt} of the batch in process")]
    private static partial void LogRetry(ILogger logger, int attempt, Exception? ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Circuit opened after repeated transient failures; pausing for {Duration}")]
    private static partial void LogOpened(ILogger logger, TimeSpan duration);
}
