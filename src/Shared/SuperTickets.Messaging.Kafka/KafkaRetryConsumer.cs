using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging.Kafka;

/// <summary>
/// Consumes the retry tiers of one main topic as group <c>&lt;group&gt;.retry</c>. A record is processed once its
/// due time has come: until then its partition is paused and the record parked, so other partitions and tiers
/// keep flowing. A failure moves the record to the next tier, after the last tier to the dead-letter topic.
/// </summary>
internal sealed partial class KafkaRetryConsumer(
    string topic,
    string group,
    IEnvelopeBatchProcessor processor,
    KafkaFailureRouter router,
    KafkaOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<TopicPartition, ParkedRecord> _parked = [];

    public static string GroupFor(string group) => group + ".retry";

    /// <summary>Runs until <paramref name="ct"/> is cancelled; throws on a fatal client error. Blocks the calling thread.</summary>
    public void Run(CancellationToken ct)
    {
        var fatal = new FatalErrorBox();
        using var work = new CancellationTokenSource();
        using var drain = ct.Register(() => work.CancelAfter(options.DrainTimeout));
        var membership = new GroupMembership();
        var consumer = KafkaClients.BuildConsumer(options, GroupFor(group), logger, fatal, membership, Unpark);
        consumer.Subscribe(Enumerable.Range(1, options.EffectiveRetryDelays.Count).Select(tier => KafkaTopology.RetryTopic(topic, tier)));
        try
        {
            while (!ct.IsCancellationRequested)
            {
                fatal.ThrowIfSet();
                ProcessDue(consumer, work.Token);
                if (KafkaConsumerOps.TryConsume(consumer, NextWait(), logger) is { } record)
                {
                    Accept(consumer, record, work.Token);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            KafkaConsumerOps.CloseAndRelease(consumer, membership, GroupFor(group), options.JoinWaitOnClose, logger);
        }
    }

    private void Accept(IConsumer<string, byte[]> consumer, ConsumeResult<string, byte[]> record, CancellationToken ct)
    {
        var headers = KafkaRecords.ReadHeaders(record.Message.Headers);
        if (headers.TryGetValue(KafkaHeaders.RetryConsumerGroup, out var owner) && !string.Equals(owner, group, StringComparison.Ordinal))
        {
            KafkaConsumerOps.StoreOffset(consumer, record, logger);
            return;
        }
        if (_parked.ContainsKey(record.TopicPartition))
        {
            consumer.Seek(record.TopicPartitionOffset);
            return;
        }
        var due = KafkaRecords.ParseInstant(headers.GetValueOrDefault(KafkaHeaders.RetryDueAt)) ?? DateTimeOffset.MinValue;
        if (due > clock.GetUtcNow())
        {
            consumer.Pause([record.TopicPartition]);
            _parked[record.TopicPartition] = new ParkedRecord(record, headers, due);
            return;
        }
        Process(consumer, record, headers, ct);
    }

    private void ProcessDue(IConsumer<string, byte[]> consumer, CancellationToken ct)
    {
        if (_parked.Count == 0)
        {
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var (partition, parked) in _parked.Where(p => p.Value.Due <= now).ToList())
        {
            _parked.Remove(partition);
            Process(consumer, parked.Record, parked.Headers, ct);
            consumer.Resume([partition]);
        }
    }

    private void Process(IConsumer<string, byte[]> consumer, ConsumeResult<string, byte[]> record, Dictionary<string, string> headers, CancellationToken ct)
    {
        var attempt = (KafkaRecords.ParseInt(headers.GetValueOrDefault(KafkaHeaders.RetryAttempt)) ?? 1) + 1;
        var envelope = KafkaRecords.ToEnvelope(record, headers);
        BatchOutcome outcome;
        try
        {
            outcome = processor.ProcessAsync([envelope], attempt, ct).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            outcome = new BatchOutcome(0, ex);
        }

        if (outcome.Succeeded < 1)
        {
            var failure = outcome.Failure ?? new InvalidOperationException("The processor reported neither success nor failure.");
            var failed = new FailedMessage(
                envelope,
                group,
                KafkaRecords.ParseInt(headers.GetValueOrDefault(KafkaHeaders.RetryOriginalPartition)) ?? record.Partition.Value,
                KafkaRecords.ParseLong(headers.GetValueOrDefault(KafkaHeaders.RetryOriginalOffset)) ?? record.Offset.Value,
                attempt,
                KafkaRecords.ParseInstant(headers.GetValueOrDefault(KafkaHeaders.RetryFirstFailure)) ?? clock.GetUtcNow(),
                failure);
            router.RouteAsync(failed, outcome.IsPoison, ct).GetAwaiter().GetResult();
        }
        else
        {
            LogRetrySucceeded(logger, envelope.MessageId, topic, group, attempt);
        }
        KafkaConsumerOps.StoreOffset(consumer, record, logger);
    }

    private TimeSpan NextWait()
    {
        if (_parked.Count == 0)
        {
            return PollInterval;
        }
        var untilDue = _parked.Values.Min(p => p.Due) - clock.GetUtcNow();
        return untilDue <= TimeSpan.Zero ? TimeSpan.Zero : untilDue < PollInterval ? untilDue : PollInterval;
    }

    private void Unpark(IConsumer<string, byte[]> consumer, IReadOnlyList<TopicPartition> partitions)
    {
        var released = partitions.Where(_parked.Remove).ToList();
        if (released.Count > 0)
        {
            consumer.Resume(released);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} on {Topic} succeeded for {Group} on attempt {Attempt}")]
    private static partial void LogRetrySucceeded(ILogger logger, string messageId, string topic, string group, int attempt);

    private sealed record ParkedRecord(ConsumeResult<string, byte[]> Record, Dictionary<string, string> Headers, DateTimeOffset Due);
}
