using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging.Kafka;

/// <summary>
/// The at-least-once loop for a main topic: consume a batch of what is already available, process it in order,
/// store the offsets of what succeeded, move a failed record to its retry tier (or the dead-letter topic) and
/// go on with the rest of the batch, so one bad message never blocks its partition.
/// </summary>
internal sealed partial class KafkaMainConsumer(
    string topic,
    string group,
    IEnvelopeBatchProcessor processor,
    KafkaFailureRouter router,
    KafkaOptions options,
    TimeProvider clock,
    ILogger logger)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Runs until <paramref name="ct"/> is cancelled; throws on a fatal client error. Blocks the calling thread.</summary>
    public void Run(CancellationToken ct)
    {
        var fatal = new FatalErrorBox();
        using var work = new CancellationTokenSource();
        using var drain = ct.Register(() => work.CancelAfter(options.DrainTimeout));
        var membership = new GroupMembership();
        var consumer = KafkaClients.BuildConsumer(options, group, logger, fatal, membership);
        consumer.Subscribe(topic);
        try
        {
            var batch = new List<ConsumeResult<string, byte[]>>(options.MaxBatchSize);
            while (!ct.IsCancellationRequested)
            {
                batch.Clear();
                ReadBatch(consumer, batch, fatal, ct);
                if (batch.Count > 0)
                {
                    ProcessBatch(consumer, batch, work.Token);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            KafkaConsumerOps.CloseAndRelease(consumer, membership, group, options.JoinWaitOnClose, logger);
        }
    }

    private void ReadBatch(IConsumer<string, byte[]> consumer, List<ConsumeResult<string, byte[]>> batch, FatalErrorBox fatal, CancellationToken ct)
    {
        ConsumeResult<string, byte[]>? first;
        do
        {
            fatal.ThrowIfSet();
            ct.ThrowIfCancellationRequested();
            first = KafkaConsumerOps.TryConsume(consumer, PollInterval, logger);
        }
        while (first is null);
        batch.Add(first);
        while (batch.Count < options.MaxBatchSize && KafkaConsumerOps.TryConsume(consumer, TimeSpan.Zero, logger) is { } next)
        {
            batch.Add(next);
        }
    }

    private void ProcessBatch(IConsumer<string, byte[]> consumer, List<ConsumeResult<string, byte[]>> batch, CancellationToken ct)
    {
        var envelopes = batch.Select(r => KafkaRecords.ToEnvelope(r, KafkaRecords.ReadHeaders(r.Message.Headers))).ToList();
        var start = 0;
        while (start < batch.Count)
        {
            BatchOutcome outcome;
            try
            {
                outcome = processor.ProcessAsync(envelopes[start..], 1, ct).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                LogDrainExpired(logger, group, topic, batch.Count - start);
                throw;
            }
            catch (Exception ex)
            {
                outcome = new BatchOutcome(0, ex);
            }

            var succeeded = Math.Clamp(outcome.Succeeded, 0, batch.Count - start);
            if (outcome.Failure is null && succeeded < batch.Count - start)
            {
                outcome = new BatchOutcome(succeeded, new InvalidOperationException("The processor stopped before the end of the batch without reporting a failure."));
            }
            for (var i = 0; i < succeeded; i++)
            {
                KafkaConsumerOps.StoreOffset(consumer, batch[start + i], logger);
            }
            start += succeeded;
            if (outcome.Failure is not { } failure || start >= batch.Count)
            {
                return;
            }

            var failed = batch[start];
            var message = new FailedMessage(
                envelopes[start], group, failed.Partition.Value, failed.Offset.Value, 1, clock.GetUtcNow(), failure);
            router.RouteAsync(message, outcome.IsPoison, ct).GetAwaiter().GetResult();
            KafkaConsumerOps.StoreOffset(consumer, failed, logger);
            start++;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Group} on {Topic} stopped before {Count} message(s) finished; they will be delivered again")]
    private static partial void LogDrainExpired(ILogger logger, string group, string topic, int count);
}
