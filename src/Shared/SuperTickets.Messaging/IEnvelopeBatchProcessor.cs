namespace SuperTickets.Messaging;

/// <summary>Processes envelopes in order, committing a prefix of the batch in one transaction.</summary>
public interface IEnvelopeBatchProcessor
{
    Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct);
}
