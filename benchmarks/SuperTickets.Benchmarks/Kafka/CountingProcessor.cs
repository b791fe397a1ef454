using SuperTickets.Messaging;

namespace SuperTickets.Benchmarks.Kafka;

/// <summary>Accepts every envelope and signals when a target count has been processed.</summary>
internal sealed class CountingProcessor : IEnvelopeBatchProcessor
{
    private long _processed;
    private long _target = long.MaxValue;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long Processed => Interlocked.Read(ref _processed);

    /// <summary>Returns a task that completes once <paramref name="more"/> further envelopes have been processed.</summary>
    public Task Expect(long more)
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _target, Processed + more);
        return _reached.Task;
    }

    public Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        if (Interlocked.Add(ref _processed, batch.Count) >= Interlocked.Read(ref _target))
        {
            _reached.TrySetResult();
        }
        return Task.FromResult(BatchOutcome.All(batch.Count));
    }
}
