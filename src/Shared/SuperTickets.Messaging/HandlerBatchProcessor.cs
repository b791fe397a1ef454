using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging;

/// <summary>
/// Runs <typeparamref name="T"/> handlers over a batch in one transaction, skipping messages the inbox says were
/// processed. If one fails, the transaction rolls back and the messages before it run again in a transaction of
/// their own, so the batch commits up to the failure and the key order holds (failures are rare, batches common).
/// </summary>
public sealed partial class HandlerBatchProcessor<T>(
    IServiceScopeFactory scopes,
    MessageSerializer serializer,
    OutboxRelay relay,
    HandlerResilience resilience,
    MessagingMetrics metrics,
    string consumer,
    ILogger<HandlerBatchProcessor<T>> logger) : IEnvelopeBatchProcessor
{
    public async Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        var (failedAt, failure) = await RunResilientAsync(batch, attempt, ct);
        if (failure is null)
        {
            return BatchOutcome.All(batch.Count);
        }
        if (failedAt > 0)
        {
            var (againAt, again) = await RunResilientAsync(batch.Take(failedAt).ToList(), attempt, ct);
            if (again is not null)
            {
                return new BatchOutcome(againAt, again);
            }
        }
        return new BatchOutcome(failedAt, failure);
    }

    /// <summary>Runs the batch; a transient failure is retried in process (Polly) before it is reported.</summary>
    private async Task<(int FailedAt, Exception? Failure)> RunResilientAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        try
        {
            return await resilience.Pipeline.ExecuteAsync(async token =>
            {
                var result = await RunAsync(batch, attempt, token);
                return result.Failure is { } failure && HandlerResilience.IsTransient(failure)
                    ? throw new TransientBatchException(result.FailedAt, failure)
                    : result;
            }, ct);
        }
        catch (TransientBatchException ex)
        {
            return (ex.FailedAt, ex.InnerException!);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException ex)
        {
            return (0, ex);
        }
    }

    /// <summary>Runs the batch once and records the outcome in <see cref="MessagingMetrics"/>.</summary>
    private async Task<(int FailedAt, Exception? Failure)> RunAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var (failedAt, failure, duplicates) = await RunOnceAsync(batch, attempt, ct);
        if (failure is null)
        {
            metrics.Committed(consumer, batch.Count - duplicates, duplicates, Stopwatch.GetElapsedTime(started));
        }
        else
        {
            metrics.Failed(consumer, Stopwatch.GetElapsedTime(started));
        }
        return (failedAt, failure);
    }

    /// <summary>Prepares, then runs the batch in one transaction; commits only if every message succeeded.</summary>
    private async Task<(int FailedAt, Exception? Failure, int Duplicates)> RunOnceAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        var messages = new List<T>(batch.Count);
        foreach (var envelope in batch)
        {
            try
            {
                messages.Add(serializer.Deserialize<T>(envelope));
            }
            catch (PoisonMessageException ex)
            {
                return (messages.Count, ex, 0);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IMessageUnitOfWork>();
        var handler = scope.ServiceProvider.GetRequiredService<IMessageHandler<T>>();
        if (scope.ServiceProvider.GetService<IBatchPreparer<T>>() is { } preparer)
        {
            try
            {
                await preparer.PrepareAsync(messages, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                return (0, ex, 0);
            }
        }
        await unitOfWork.BeginAsync(ct);
        HashSet<string> fresh;
        try
        {
            fresh = [.. await unitOfWork.MarkProcessedAsync(consumer, batch.Select(e => e.MessageId).ToList(), ct)];
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return (0, ex, 0);
        }
        var duplicates = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var envelope = batch[i];
            if (!fresh.Remove(envelope.MessageId))
            {
                LogDuplicate(logger, envelope.MessageId, consumer);
                duplicates++;
                continue;
            }
            using var logScope = logger.BeginScope(new Dictionary<string, object>
            {
                ["Topic"] = envelope.Topic,
                ["Key"] = envelope.Key,
                ["MessageId"] = envelope.MessageId,
                ["CorrelationId"] = envelope.CorrelationId,
            });
            try
            {
                await handler.HandleAsync(messages[i], new MessageContext(envelope, attempt, unitOfWork, serializer), ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                return (i, ex, duplicates);
            }
        }
        relay.Dispatch(await unitOfWork.CommitAsync(ct));
        return (batch.Count, null, duplicates);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} was already processed by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string consumer);

    private sealed class TransientBatchException(int failedAt, Exception inner) : TimeoutException(inner.Message, inner)
    {
        public int FailedAt { get; } = failedAt;
    }
}
