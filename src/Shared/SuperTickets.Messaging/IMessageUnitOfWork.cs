namespace SuperTickets.Messaging;

/// <summary>
/// One database transaction that covers a handler's writes, its outgoing messages (the outbox) and the record
/// that the incoming message was processed (the inbox). Scoped: one per batch of messages.
/// </summary>
public interface IMessageUnitOfWork : IAsyncDisposable
{
    Task BeginAsync(CancellationToken ct);

    /// <summary>Records that <paramref name="consumer"/> processed <paramref name="messageId"/>; false if it already had.</summary>
    Task<bool> TryMarkProcessedAsync(string consumer, string messageId, CancellationToken ct);

    /// <summary>Writes the envelope to the outbox inside the current transaction.</summary>
    Task EnqueueAsync(MessageEnvelope envelope, CancellationToken ct);

    Task SavepointAsync(string name, CancellationToken ct);
    Task RollbackToSavepointAsync(string name, CancellationToken ct);
    Task ReleaseSavepointAsync(string name, CancellationToken ct);

    /// <summary>Commits and returns the envelopes enqueued (with their outbox ids) for immediate relay.</summary>
    Task<IReadOnlyList<MessageEnvelope>> CommitAsync(CancellationToken ct);
}
