using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging.Kafka;

/// <summary>Client configurations and builders: the at-least-once consumer and the idempotent producer.</summary>
internal static partial class KafkaClients
{
    public static ProducerConfig ProducerConfig(KafkaOptions options)
    {
        var config = new ProducerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = options.ClientId,
            EnableIdempotence = true,
            Acks = Acks.All,
            CompressionType = CompressionType.Lz4,
            LingerMs = 5,
        };
        Apply(config, options);
        return config;
    }

    public static ConsumerConfig ConsumerConfig(KafkaOptions options, string group)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = options.ClientId,
            GroupId = group,
            EnableAutoCommit = true,
            AutoCommitIntervalMs = 1000,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            PartitionAssignmentStrategy = PartitionAssignmentStrategy.CooperativeSticky,
            AllowAutoCreateTopics = true,
        };
        Apply(config, options);
        return config;
    }

    public static IProducer<string, byte[]> BuildProducer(KafkaOptions options, ILogger logger) =>
        new ProducerBuilder<string, byte[]>(ProducerConfig(options))
            .SetKeySerializer(Serializers.Utf8)
            .SetValueSerializer(Serializers.ByteArray)
            .SetErrorHandler((_, error) => LogClientError(logger, "producer", error.Code, error.Reason, error.IsFatal))
            .SetLogHandler((_, message) => LogLibrary(logger, message))
            .Build();

    /// <summary>
    /// A consumer for <paramref name="group"/>. Fatal client errors are recorded in <paramref name="fatal"/> for the
    /// loop to throw; <paramref name="onRevoked"/> runs for partitions revoked or lost in a rebalance.
    /// </summary>
    public static IConsumer<string, byte[]> BuildConsumer(
        KafkaOptions options, string group, ILogger logger, FatalErrorBox fatal, GroupMembership membership,
        Action<IConsumer<string, byte[]>, IReadOnlyList<TopicPartition>>? onRevoked = null) =>
        new ConsumerBuilder<string, byte[]>(ConsumerConfig(options, group))
            .SetKeyDeserializer(Deserializers.Utf8)
            .SetValueDeserializer(Deserializers.ByteArray)
            .SetErrorHandler((_, error) =>
            {
                LogClientError(logger, group, error.Code, error.Reason, error.IsFatal);
                if (error.IsFatal)
                {
                    fatal.Set(error);
                }
            })
            .SetLogHandler((_, message) => LogLibrary(logger, message))
            .SetPartitionsAssignedHandler((_, partitions) =>
            {
                membership.Assigned();
                LogAssigned(logger, group, string.Join(", ", partitions));
            })
            .SetPartitionsRevokedHandler((consumer, partitions) =>
            {
                LogRevoked(logger, group, string.Join(", ", partitions.Select(p => p.TopicPartition)));
                onRevoked?.Invoke(consumer, [.. partitions.Select(p => p.TopicPartition)]);
            })
            .SetPartitionsLostHandler((consumer, partitions) =>
            {
                LogRevoked(logger, group, string.Join(", ", partitions.Select(p => p.TopicPartition)));
                onRevoked?.Invoke(consumer, [.. partitions.Select(p => p.TopicPartition)]);
            })
            .Build();

    private static void Apply(ClientConfig config, KafkaOptions options)
    {
        foreach (var (key, value) in options.Settings)
        {
            config.Set(key, value);
        }
    }

    private static void LogLibrary(ILogger logger, LogMessage message)
    {
        var level = (int)message.Level switch
        {
            <= 3 => LogLevel.Error,
            4 => LogLevel.Warning,
            5 or 6 => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        LogNative(logger, level, message.Name, message.Facility, message.Message);
    }

    [LoggerMessage(Message = "librdkafka {Client} {Facility}: {Text}")]
    private static partial void LogNative(ILogger logger, LogLevel level, string client, string facility, string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka {Client} error {Code}: {Reason} (fatal: {Fatal})")]
    private static partial void LogClientError(ILogger logger, string client, ErrorCode code, string reason, bool fatal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {Group} assigned {Partitions}")]
    private static partial void LogAssigned(ILogger logger, string group, string partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer group {Group} revoked {Partitions}")]
    private static partial void LogRevoked(ILogger logger, string group, string partitions);
}
