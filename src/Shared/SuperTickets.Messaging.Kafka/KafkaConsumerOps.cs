using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging.Kafka;

/// <summary>Consumer calls with the error handling every loop needs: fatal errors throw, the rest are logged.</summary>
internal static partial class KafkaConsumerOps
{
    public static ConsumeResult<string, byte[]>? TryConsume(IConsumer<string, byte[]> consumer, TimeSpan timeout, ILogger logger)
    {
        try
        {
            return consumer.Consume(timeout);
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            LogConsumeError(logger, ex.Error.Code, ex.Error.Reason);
            return null;
        }
    }

    /// <summary>Marks the record done; the next auto-commit commits it. A partition revoked meanwhile is skipped.</summary>
    public static void StoreOffset(IConsumer<string, byte[]> consumer, ConsumeResult<string, byte[]> record, ILogger logger)
    {
        try
        {
            consumer.StoreOffset(record);
        }
        catch (KafkaException ex) when (!ex.Error.IsFatal)
        {
            LogStoreSkipped(logger, record.TopicPartitionOffset.ToString(), ex.Error.Reason);
        }
    }

    /// <summary>Consumers that could not be closed safely: kept reachable so that no finalizer ever destroys them.</summary>
    private static readonly List<IConsumer<string, byte[]>> Abandoned = [];

    /// <summary>
    /// Leaves the group cleanly, committing stored offsets, and releases the consumer. librdkafka 2.0–2.2 abort the
    /// process when a cooperative-sticky consumer is destroyed before its first assignment, so a consumer that has
    /// not been assigned yet first waits for it (up to <paramref name="joinWait"/>), reading nothing it would keep:
    /// offsets are stored only after processing, so whatever it saw is delivered again. A consumer that never joined
    /// is left open (its process is stopping) rather than risk the abort.
    /// </summary>
    public static void CloseAndRelease(IConsumer<string, byte[]> consumer, GroupMembership membership, string group, TimeSpan joinWait, ILogger logger)
    {
        var deadline = DateTime.UtcNow + joinWait;
        while (!membership.HasBeenAssigned && DateTime.UtcNow < deadline)
        {
            try
            {
                consumer.Consume(TimeSpan.FromMilliseconds(100));
            }
            catch (ConsumeException)
            {
                // Nothing read here is processed; errors while waiting to join do not matter.
            }
        }
        if (!membership.HasBeenAssigned)
        {
            LogNeverJoined(logger, group);
            lock (Abandoned)
            {
                Abandoned.Add(consumer);
            }
            return;
        }
        try
        {
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            LogCloseFailed(logger, group, ex.Error.Reason);
        }
        consumer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consume error {Code}: {Reason}")]
    private static partial void LogConsumeError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Offset {Position} not stored ({Reason}); the partition's new owner will deliver it again")]
    private static partial void LogStoreSkipped(ILogger logger, string position, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Group} never received an assignment; left open instead of closed (the Kafka client library cannot close it safely before its first assignment)")]
    private static partial void LogNeverJoined(ILogger logger, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Group} did not close cleanly: {Reason}")]
    private static partial void LogCloseFailed(ILogger logger, string group, string reason);
}
