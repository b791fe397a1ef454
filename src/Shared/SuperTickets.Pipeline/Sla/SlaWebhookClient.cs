using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SuperTickets.Pipeline.Sla;

/// <summary>
/// Posts <c>{"text": "..."}</c> to a Slack/Teams-compatible incoming webhook, with a timeout per attempt and
/// jittered exponential retries on transient failures (connection errors, timeouts, 408, 429, 5xx).
/// </summary>
public sealed partial class SlaWebhookClient
{
    public const string HttpClientName = "sla-webhooks";

    private readonly IHttpClientFactory _clients;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public SlaWebhookClient(IHttpClientFactory clients, IOptions<SlaOptions> options, ILogger<SlaWebhookClient> logger)
    {
        _clients = clients;
        var settings = options.Value.Escalation;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(settings.WebhookRetries, 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.WebhookRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(settings.WebhookRetries > 0 && IsTransient(args.Outcome)),
                OnRetry = args =>
                {
                    LogRetry(logger, args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.WebhookTimeout)
            .Build();
    }

    /// <summary>Posts <paramref name="text"/>; throws <see cref="HttpRequestException"/> when every attempt failed.</summary>
    public async Task PostAsync(Uri url, string text, CancellationToken ct)
    {
        var client = _clients.CreateClient(HttpClientName);
        using var response = await _pipeline.ExecuteAsync(
            async token => await client.PostAsJsonAsync(url, new WebhookMessage(text), token), ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Escalation webhook answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (int)response.StatusCode >= 500,
        _ => false,
    };

    private sealed record WebhookMessage(string Text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation webhook attempt {Attempt} failed (status {Status}, {Error}); retrying")]
    private static partial void LogRetry(ILogger logger, int attempt, int? status, string? error);
}
