using SuperTickets.Messaging;

namespace SuperTickets.Benchmarks.Kafka;

internal sealed class NullDeadLetterSink : IDeadLetterSink
{
    public Task StoreAsync(DeadLetter deadLetter, CancellationToken ct) => Task.CompletedTask;
}
