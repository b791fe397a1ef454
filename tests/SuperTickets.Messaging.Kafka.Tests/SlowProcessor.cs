using System.Collections.Concurrent;

namespace SuperTickets.Messaging.Kafka.Tests;

/// <summary>Takes <see cref="Delay"/> per batch (honouring cancellation) and records what it finished.</summary>
public sealed class SlowProcessor(TimeSpan delay) : IEnvelopeBatchProcessor
{
    public TimeSpan Delay { get; } = delay;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> Finished { get; } = new();

    public async Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        Started.TrySetResult();
        await Task.Delay(Delay, ct);
        foreach (var envelope in batch)
        {
            Finished.Enqueue(envelope.MessageId);
        }
        return BatchOutcome.All(batch.Count);
    }
}
