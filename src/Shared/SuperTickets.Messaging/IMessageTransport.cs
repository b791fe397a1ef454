namespace SuperTickets.Messaging;

/// <summary>Moves envelopes between stages: in process for the embedded run, Kafka in production.</summary>
public interface IMessageTransport
{
    string Name { get; }

    /// <summary>
    /// Hands the envelope to the transport. <paramref name="onDurable"/> runs once the transport is responsible
    /// for it (broker acknowledged, or every in-process subscriber finished with it); only then may the outbox
    /// row be removed.
    /// </summary>
    void Send(MessageEnvelope envelope, Action<MessageEnvelope> onDurable);

    /// <summary>Starts delivering <paramref name="topic"/> to <paramref name="processor"/> as consumer group <paramref name="group"/>.</summary>
    Task RunConsumerAsync(string topic, string group, IEnvelopeBatchProcessor processor, CancellationToken ct);
}
