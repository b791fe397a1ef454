namespace SuperTickets.Messaging;

/// <summary>
/// One database transaction that covers a handler's writes, its outgoing messages (the outbox) and the record
/// that the incoming messages were processed (the inbox). Scoped: one per batch of messages.
/// </summary>
public interface IMessageUnitOfWork : IAsyncDisposable
{
    Task BeginAsync(CancellationToken ct);

    /// <summary>Records that <paramref name="consumer"/> processed these messages; returns the ids it had not processed before.</summary>
    Task<IReadOnlySet<string>> MarkProcessedAsync(string consumer, IReadOnlyList<string> messageIds, CancellationToken ct);

    /// <summary>Adds the envelope to the outbox; it is written inside the transaction when it commits.</summary>
    Task EnqueueAsync(MessageEnvelope envelope, CancellationToken ct);

    /// <summary>Writes the outbox, commits, and returns the envelopes enqueued (with their outbox ids) for immediate relay.</summary>
    Task<IReadOnlyList<MessageEnvelope>> CommitAsync(CancellationToken ct);
}
