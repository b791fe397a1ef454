namespace SuperTickets.Messaging;

/// <summary>Outbox rows that were committed but not yet handed to the transport.</summary>
public interface IOutboxStore
{
    /// <summary>
    /// Claims up to <paramref name="max"/> rows at least <paramref name="minAge"/> old whose lease expired,
    /// leasing them for <paramref name="lease"/> so that another relay leaves them alone.
    /// </summary>
    Task<IReadOnlyList<MessageEnvelope>> ClaimPendingAsync(int max, TimeSpan minAge, TimeSpan lease, CancellationToken ct);

    Task DeleteAsync(IReadOnlyCollection<long> outboxIds, CancellationToken ct);

    Task<long> CountAsync(CancellationToken ct);
}
