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
    string consumer,
    ILogger<HandlerBatchProcessor<T>> logger) : IEnvelopeBatchProcessor
{
    public async Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        var (failedAt, failure) = await RunAsync(batch, attempt, ct);
        if (failure is null)
        {
            return BatchOutcome.All(batch.Count);
        }
        if (failedAt > 0)
        {
            var (againAt, again) = await RunAsync(batch.Take(failedAt).ToList(), attempt, ct);
            if (again is not null)
            {
                return new BatchOutcome(againAt, again);
            }
        }
        return new BatchOutcome(failedAt, failure);
    }

    /// <summary>Runs the batch in one transaction; commits only if every message succeeded.</summary>
    private async Task<(int FailedAt, Exception? Failure)> RunAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IMessageUnitOfWork>();
        var handler = scope.ServiceProvider.GetRequiredService<IMessageHandler<T>>();
        await unitOfWork.BeginAsync(ct);
        for (var i = 0; i < batch.Count; i++)
        {
            var envelope = batch[i];
            using var logScope = logger.BeginScope(new Dictionary<string, object>
            {
                ["Topic"] = envelope.Topic,
                ["Key"] = envelope.Key,
                ["MessageId"] = envelope.MessageId,
                ["CorrelationId"] = envelope.CorrelationId,
            });
            try
            {
                var message = serializer.Deserialize<T>(envelope);
                if (await unitOfWork.TryMarkProcessedAsync(consumer, envelope.MessageId, ct))
                {
                    await handler.HandleAsync(message, new MessageContext(envelope, attempt, unitOfWork, serializer), ct);
                }
                else
                {
                    LogDuplicate(logger, envelope.MessageId, consumer);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                return (i, ex);
            }
        }
        relay.Dispatch(await unitOfWork.CommitAsync(ct));
        return (batch.Count, null);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} was already processed by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string consumer);
}
