using System.Collections.Concurrent;

namespace SuperTickets.Messaging.Kafka.Tests;

/// <summary>Processes envelopes in order, failing those <see cref="Fail"/> picks, and records every attempt.</summary>
public sealed class RecordingProcessor : IEnvelopeBatchProcessor
{
    public ConcurrentQueue<(MessageEnvelope Envelope, int Attempt)> Processed { get; } = new();

    public ConcurrentQueue<(string MessageId, int Attempt)> Failed { get; } = new();

    /// <summary>When each attempt (successful or not) was made.</summary>
    public ConcurrentQueue<(string MessageId, int Attempt, DateTimeOffset At)> Attempts { get; } = new();

    /// <summary>Returns the exception for a failing attempt, or null to succeed.</summary>
    public Func<MessageEnvelope, int, Exception?> Fail { get; init; } = (_, _) => null;

    public Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            Attempts.Enqueue((batch[i].MessageId, attempt, DateTimeOffset.UtcNow));
            if (Fail(batch[i], attempt) is { } failure)
            {
                Failed.Enqueue((batch[i].MessageId, attempt));
                return Task.FromResult(new BatchOutcome(i, failure));
            }
            Processed.Enqueue((batch[i], attempt));
        }
        return Task.FromResult(BatchOutcome.All(batch.Count));
    }

    public IReadOnlyList<string> ProcessedIds => [.. Processed.Select(p => p.Envelope.MessageId)];
}
