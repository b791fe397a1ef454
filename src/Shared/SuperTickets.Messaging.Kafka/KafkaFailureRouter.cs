using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging.Kafka;

/// <summary>
/// Moves a failed message to the next retry tier, or, when retries are used up or cannot help, to the dead-letter
/// topic and the dead-letter store. Returns only when the broker (and store) have it, so the caller may then
/// store the consumed offset.
/// </summary>
internal sealed partial class KafkaFailureRouter(
    IProducer<string, byte[]> producer,
    IDeadLetterSink deadLetters,
    IReadOnlyList<TimeSpan> retryDelays,
    TimeProvider clock,
    ILogger logger)
{
    private const int MaxHeaderText = 1000;

    public async Task RouteAsync(FailedMessage failed, bool poison, CancellationToken ct)
    {
        if (!poison && failed.Attempts <= retryDelays.Count)
        {
            await RetryAsync(failed, failed.Attempts, ct);
        }
        else
        {
            await DeadLetterAsync(failed, ct);
        }
    }

    private async Task RetryAsync(FailedMessage failed, int tier, CancellationToken ct)
    {
        var due = clock.GetUtcNow() + retryDelays[tier - 1];
        var topic = KafkaTopology.RetryTopic(failed.Envelope.Topic, tier);
        var message = KafkaRecords.ToMessage(failed.Envelope, new Dictionary<string, string>
        {
            [KafkaHeaders.RetryAttempt] = KafkaRecords.Invariant(failed.Attempts),
            [KafkaHeaders.RetryFirstFailure] = KafkaRecords.Format(failed.FirstFailedAt),
            [KafkaHeaders.RetryDueAt] = KafkaRecords.Format(due),
            [KafkaHeaders.RetryOriginalTopic] = failed.Envelope.Topic,
            [KafkaHeaders.RetryOriginalPartition] = KafkaRecords.Invariant(failed.OriginalPartition),
            [KafkaHeaders.RetryOriginalOffset] = KafkaRecords.Invariant(failed.OriginalOffset),
            [KafkaHeaders.RetryConsumerGroup] = failed.ConsumerGroup,
            [KafkaHeaders.RetryExceptionType] = TypeName(failed.Failure),
            [KafkaHeaders.RetryExceptionMessage] = Truncate(failed.Failure.Message),
        });
        await ProduceDurablyAsync(topic, message, ct);
        LogRetryScheduled(logger, failed.Envelope.MessageId, failed.Envelope.Topic, failed.ConsumerGroup, failed.Attempts, topic, failed.Failure);
    }

    private async Task DeadLetterAsync(FailedMessage failed, CancellationToken ct)
    {
        var partition = KafkaRecords.Invariant(failed.OriginalPartition);
        var offset = KafkaRecords.Invariant(failed.OriginalOffset);
        var message = KafkaRecords.ToMessage(failed.Envelope, new Dictionary<string, string>
        {
            [MessageHeaders.DeadLetterExceptionType] = TypeName(failed.Failure),
            [MessageHeaders.DeadLetterExceptionMessage] = Truncate(failed.Failure.Message),
            [MessageHeaders.DeadLetterOriginalTopic] = failed.Envelope.Topic,
            [MessageHeaders.DeadLetterOriginalPartition] = partition,
            [MessageHeaders.DeadLetterOriginalOffset] = offset,
            [MessageHeaders.DeadLetterConsumerGroup] = failed.ConsumerGroup,
            [MessageHeaders.DeadLetterAttempts] = KafkaRecords.Invariant(failed.Attempts),
            [MessageHeaders.DeadLetterFirstFailure] = KafkaRecords.Format(failed.FirstFailedAt),
        });
        await ProduceDurablyAsync(KafkaTopology.DeadLetterTopic(failed.Envelope.Topic), message, ct);

        var letter = new DeadLetter(
            failed.Envelope, failed.ConsumerGroup, TypeName(failed.Failure), failed.Failure.Message, failed.Attempts,
            failed.FirstFailedAt, clock.GetUtcNow(), partition, offset);
        for (var tries = 1; ; tries++)
        {
            try
            {
                await deadLetters.StoreAsync(letter, ct);
                break;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogStoreFailed(logger, failed.Envelope.MessageId, ex);
                await Task.Delay(Backoff(tries), ct);
            }
        }
        LogDeadLettered(logger, failed.Envelope.MessageId, failed.Envelope.Topic, failed.ConsumerGroup, failed.Attempts, failed.Failure);
    }

    private async Task ProduceDurablyAsync(string topic, Message<string, byte[]> message, CancellationToken ct)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                await producer.ProduceAsync(topic, message, ct);
                return;
            }
            catch (ProduceException<string, byte[]> ex) when (!ex.Error.IsFatal && !ct.IsCancellationRequested)
            {
                LogProduceFailed(logger, topic, ex.Error.Reason);
                await Task.Delay(Backoff(tries), ct);
            }
        }
    }

    private static TimeSpan Backoff(int tries) => TimeSpan.FromMilliseconds(Math.Min(200 * Math.Pow(2, tries - 1), 10_000));

    private static string TypeName(Exception ex) => ex.GetType().FullName ?? ex.GetType().Name;

    private static string Truncate(string text) => text.Length <= MaxHeaderText ? text : text[..MaxHeaderText];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Topic} failed for {Group} (attempt {Attempt}); scheduled on {RetryTopic}")]
    private static partial void LogRetryScheduled(ILogger logger, string messageId, string topic, string group, int attempt, string retryTopic, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on {Topic} dead-lettered for {Group} after {Attempts} attempt(s)")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string topic, string group, int attempts, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store dead letter for message {MessageId}; retrying")]
    private static partial void LogStoreFailed(ILogger logger, string messageId, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not produce to {Topic} ({Reason}); retrying")]
    private static partial void LogProduceFailed(ILogger logger, string topic, string reason);
}
