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

    /// <summary>Leaves the group cleanly, committing stored offsets.</summary>
    public static void Close(IConsumer<string, byte[]> consumer, string group, ILogger logger)
    {
        try
        {
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            LogCloseFailed(logger, group, ex.Error.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consume error {Code}: {Reason}")]
    private static partial void LogConsumeError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Offset {Position} not stored ({Reason}); the partition's new owner will deliver it again")]
    private static partial void LogStoreSkipped(ILogger logger, string position, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Group} did not close cleanly: {Reason}")]
    private static partial void LogCloseFailed(ILogger logger, string group, string reason);
}
