using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging;

/// <summary>
/// Runs <typeparamref name="T"/> handlers over a batch in one transaction: each message in its own savepoint,
/// skipped if the inbox says it was processed, stopping at the first failure so the key order holds.
/// </summary>
public sealed partial class HandlerBatchProcessor<T>(
    IServiceScopeFactory scopes,
    MessageSerializer serializer,
    OutboxRelay relay,
    string consumer,
    ILogger<HandlerBatchProcessor<T>> logger) : IEnvelopeBatchProcessor
{
    private const string Savepoint = "msg";

    public async Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IMessageUnitOfWork>();
        var handler = scope.ServiceProvider.GetRequiredService<IMessageHandler<T>>();
        await unitOfWork.BeginAsync(ct);

        var done = 0;
        Exception? failure = null;
        foreach (var envelope in batch)
        {
            using var logScope = logger.BeginScope(new Dictionary<string, object>
            {
                ["Topic"] = envelope.Topic,
                ["Key"] = envelope.Key,
                ["MessageId"] = envelope.MessageId,
                ["CorrelationId"] = envelope.CorrelationId,
            });
            T message;
            try
            {
                message = serializer.Deserialize<T>(envelope);
            }
            catch (PoisonMessageException ex)
            {
                failure = ex;
                break;
            }

            await unitOfWork.SavepointAsync(Savepoint, ct);
            try
            {
                if (await unitOfWork.TryMarkProcessedAsync(consumer, envelope.MessageId, ct))
                {
                    await handler.HandleAsync(message, new MessageContext(envelope, attempt, unitOfWork, serializer), ct);
                }
                else
                {
                    LogDuplicate(logger, envelope.MessageId, consumer);
                }
                await unitOfWork.ReleaseSavepointAsync(Savepoint, ct);
                done++;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                await unitOfWork.RollbackToSavepointAsync(Savepoint, ct);
                failure = ex;
                break;
            }
        }

        if (done > 0)
        {
            relay.Dispatch(await unitOfWork.CommitAsync(ct));
        }
        return new BatchOutcome(done, failure);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} was already processed by {Consumer}; skipped")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string consumer);
}
