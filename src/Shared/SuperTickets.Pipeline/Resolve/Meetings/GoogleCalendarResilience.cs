using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>
/// The resilience pipelines around Calendar calls (one instance per process, so the circuit state is shared).
/// <see cref="SlotSearch"/> guards the free/busy lookup on the resolve path: a timeout and a circuit breaker, no retry,
/// since the default slot is a good answer when Google is slow. <see cref="EventInsert"/> retries transient failures
/// of the idempotent event insert with jittered exponential backoff before the transport's own retries take over.
/// </summary>
public sealed partial class GoogleCalendarResilience
{
    public GoogleCalendarResilience(IOptions<GoogleCalendarOptions> options, TimeProvider clock, ILogger<GoogleCalendarResilience> logger)
    {
        var settings = options.Value;
        SlotSearch = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = 3,
                SamplingDuration = TimeSpan.FromMinutes(2),
                BreakDuration = settings.BreakDuration,
                OnOpened = args =>
                {
                    LogOpened(logger, args.BreakDuration);
                    return default;
                },
            })
            .AddTimeout(settings.SlotSearchTimeout)
            .Build();

        var insert = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (settings.MaxRetries > 0)
        {
            insert.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, Describe(args.Outcome.Exception));
                    return default;
                },
            });
        }

        EventInsert = insert.Build();
    }

    public ResiliencePipeline SlotSearch { get; }

    public ResiliencePipeline EventInsert { get; }

    /// <summary>Failures worth another attempt: throttling, server errors, timeouts and lost connections.</summary>
    public static bool IsTransient(Exception? exception) => exception switch
    {
        CalendarApiException api => api.IsTransient,
        TimeoutRejectedException or TimeoutException or HttpRequestException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>What went wrong, without personal data: the HTTP status and reasons, or the kind of failure.</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        null => "no error",
        CalendarApiException api => api.Summary,
        BrokenCircuitException => "circuit open after repeated failures",
        TimeoutRejectedException => "timed out",
        TaskCanceledException { InnerException: TimeoutException } => "HTTP request timed out",
        HttpRequestException http => http.HttpRequestError.ToString(),
        _ => exception.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar event insert failed ({Reason}); attempt {Attempt} follows")]
    private static partial void LogRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Calendar free/busy lookups keep failing; proposing default slots for {Duration}")]
    private static partial void LogOpened(ILogger logger, TimeSpan duration);
}
