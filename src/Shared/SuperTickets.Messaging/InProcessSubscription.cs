using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging;

/// <summary>One consumer group on one topic: a queue per partition, each drained in order by one loop.</summary>
internal sealed partial class InProcessSubscription
{
    private readonly Channel<DeliveryTracker>[] _partitions;
    private readonly string _topic;
    private readonly string _group;
    private readonly MessagingOptions _options;
    private readonly IDeadLetterSink _deadLetters;
    private readonly TimeProvider _clock;
    private readonly Action _onCompleted;
    private readonly ILogger _logger;

    public InProcessSubscription(
        string topic, string group, MessagingOptions options, IDeadLetterSink deadLetters, TimeProvider clock,
        Action onCompleted, ILogger logger)
    {
        _topic = topic;
        _group = group;
        _options = options;
        _deadLetters = deadLetters;
        _clock = clock;
        _onCompleted = onCompleted;
        _logger = logger;
        _partitions = new Channel<DeliveryTracker>[options.InProcessPartitions];
        for (var i = 0; i < _partitions.Length; i++)
        {
            _partitions[i] = Channel.CreateUnbounded<DeliveryTracker>(new UnboundedChannelOptions { SingleReader = true });
        }
    }

    public void Enqueue(DeliveryTracker delivery)
    {
        var partition = PartitionOf(delivery.Envelope.Key, _partitions.Length);
        _partitions[partition].Writer.TryWrite(delivery);
    }

    public Task RunAsync(IEnvelopeBatchProcessor processor, CancellationToken ct) =>
        Task.WhenAll(_partitions.Select((channel, index) => RunPartitionAsync(index, channel.Reader, processor, ct)));

    /// <summary>Stable FNV-1a hash of the key, so a key always lands on the same partition.</summary>
    internal static int PartitionOf(string key, int partitions)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % (uint)partitions);
    }

    private async Task RunPartitionAsync(int partition, ChannelReader<DeliveryTracker> reader, IEnvelopeBatchProcessor processor, CancellationToken ct)
    {
        var batch = new List<DeliveryTracker>(_options.MaxBatchSize);
        try
        {
            while (await reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var delivery))
                {
                    batch.Add(delivery);
                }
                await ProcessWithRetriesAsync(partition, batch, processor, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            LogStopped(_logger, _topic, _group, partition);
        }
    }

    private async Task ProcessWithRetriesAsync(int partition, List<DeliveryTracker> batch, IEnvelopeBatchProcessor processor, CancellationToken ct)
    {
        var start = 0;
        var attempt = 1;
        DateTimeOffset? firstFailure = null;
        while (start < batch.Count)
        {
            var slice = batch.Skip(start).Select(d => d.Envelope).ToList();
            BatchOutcome outcome;
            try
            {
                outcome = await processor.ProcessAsync(slice, attempt, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                outcome = new BatchOutcome(0, ex);
            }

            for (var i = 0; i < outcome.Succeeded; i++)
            {
                Complete(batch[start + i]);
            }
            if (outcome.Succeeded > 0)
            {
                start += outcome.Succeeded;
                attempt = 1;
                firstFailure = null;
            }
            if (outcome.Failure is not { } failure)
            {
                return;
            }

            firstFailure ??= _clock.GetUtcNow();
            var failed = batch[start];
            if (outcome.IsPoison || attempt >= _options.MaxAttempts)
            {
                await DeadLetterAsync(partition, failed, failure, attempt, firstFailure.Value, ct);
                Complete(failed);
                start++;
                attempt = 1;
                firstFailure = null;
                continue;
            }
            LogRetrying(_logger, failed.Envelope.MessageId, _topic, _group, attempt, failure);
            await Task.Delay(Backoff(attempt), ct);
            attempt++;
        }
    }

    private async Task DeadLetterAsync(int partition, DeliveryTracker failed, Exception failure, int attempts, DateTimeOffset firstFailure, CancellationToken ct)
    {
        var letter = new DeadLetter(
            failed.Envelope, _group, failure.GetType().FullName ?? failure.GetType().Name, failure.Message,
            attempts, firstFailure, _clock.GetUtcNow(), partition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var tries = 1; ; tries++)
        {
            try
            {
                await _deadLetters.StoreAsync(letter, ct);
                LogDeadLettered(_logger, failed.Envelope.MessageId, _topic, _group, attempts, failure);
                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                LogDeadLetterFailed(_logger, failed.Envelope.MessageId, ex);
                await Task.Delay(Backoff(Math.Min(tries, 6)), ct);
            }
        }
    }

    private void Complete(DeliveryTracker delivery)
    {
        delivery.Complete();
        _onCompleted();
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _options.RetryBaseDelay * Math.Pow(4, attempt - 1);
        return exponential * (0.75 + Random.Shared.NextDouble() * 0.5);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} on {Topic} failed for {Group} (attempt {Attempt}); retrying")]
    private static partial void LogRetrying(ILogger logger, string messageId, string topic, string group, int attempt, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on {Topic} dead-lettered for {Group} after {Attempts} attempt(s)")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, string topic, string group, int attempts, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store dead letter for message {MessageId}; retrying")]
    private static partial void LogDeadLetterFailed(ILogger logger, string messageId, Exception ex);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Consumer {Group} on {Topic} partition {Partition} stopped")]
    private static partial void LogStopped(ILogger logger, string topic, string group, int partition);
}
