using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SuperTickets.Messaging.Kafka.Tests;

/// <summary>Builds transports, envelopes and plain clients against the shared mock cluster.</summary>
public static class KafkaTestBed
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static string Unique(string prefix) => $"test.{prefix}.{Guid.NewGuid():N}";

    public static KafkaOptions Options(string bootstrapServers, params TimeSpan[] retryDelays) => new()
    {
        BootstrapServers = bootstrapServers,
        ClientId = "supertickets-tests",
        RetryDelays = retryDelays.Length > 0 ? retryDelays : [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)],
        MaxBatchSize = 16,
        DrainTimeout = TimeSpan.FromSeconds(5),
        Settings = { ["session.timeout.ms"] = "4000", ["heartbeat.interval.ms"] = "300" },
    };

    public static KafkaTransport Transport(KafkaOptions options, IDeadLetterSink? deadLetters = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options), deadLetters ?? new RecordingDeadLetterSink(), TimeProvider.System, NullLoggerFactory.Instance);

    public static MessageEnvelope Envelope(string topic, string key, string id, string? json = null) => new(
        id,
        topic,
        key,
        "TestMessage",
        Encoding.UTF8.GetBytes(json ?? $$"""{"id":"{{id}}","key":"{{key}}"}"""),
        new Dictionary<string, string>
        {
            [MessageHeaders.MessageId] = id,
            [MessageHeaders.MessageType] = "TestMessage",
            [MessageHeaders.CorrelationId] = "corr-" + id,
            [MessageHeaders.CausationId] = "cause-" + id,
            [MessageHeaders.TraceParent] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            [MessageHeaders.ContentType] = "application/json",
        },
        DateTimeOffset.UtcNow);

    /// <summary>Sends every envelope and waits until the broker acknowledged all of them.</summary>
    public static async Task SendAllAsync(KafkaTransport transport, IEnumerable<MessageEnvelope> envelopes)
    {
        var list = envelopes.ToList();
        var remaining = list.Count;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var envelope in list)
        {
            transport.Send(envelope, _ =>
            {
                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    done.TrySetResult();
                }
            });
        }
        await done.Task.WaitAsync(Patience);
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Patience);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }
            await Task.Delay(25);
        }
    }

    /// <summary>
    /// Reads <paramref name="count"/> records of <paramref name="topic"/> with a plain Confluent consumer, assigned to
    /// every partition from the start (no group, so no join delay).
    /// </summary>
    public static List<ConsumeResult<string, byte[]>> ReadTopic(string bootstrapServers, string topic, int count)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = Unique("reader"),
            EnableAutoCommit = false,
        };
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).SetLogHandler((_, _) => { }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions
            .Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning))
            .ToList();
        using var consumer = new ConsumerBuilder<string, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Assign(partitions);
        var records = new List<ConsumeResult<string, byte[]>>();
        var deadline = DateTime.UtcNow + Patience;
        while (records.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { } record)
            {
                records.Add(record);
            }
        }
        return records;
    }

    public static string HeaderText(Headers headers, string name) =>
        headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : throw new KeyNotFoundException($"Header {name} is missing.");
}
