using System.Collections.Concurrent;

namespace SuperTickets.Messaging.Kafka.Tests;

public sealed class RecordingDeadLetterSink : IDeadLetterSink
{
    public ConcurrentQueue<DeadLetter> Letters { get; } = new();

    public Task StoreAsync(DeadLetter deadLetter, CancellationToken ct)
    {
        Letters.Enqueue(deadLetter);
        return Task.CompletedTask;
    }
}
