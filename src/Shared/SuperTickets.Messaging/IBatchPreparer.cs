namespace SuperTickets.Messaging;

/// <summary>
/// Optional first phase of a handler, run before the batch's transaction begins: reads, pure computation and
/// idempotent side effects (for example sending mail under an idempotency key) belong here, so the
/// transaction holds its locks only for the writes. Implemented by the handler class itself.
/// </summary>
public interface IBatchPreparer<T>
{
    Task PrepareAsync(IReadOnlyList<T> messages, CancellationToken ct);
}
