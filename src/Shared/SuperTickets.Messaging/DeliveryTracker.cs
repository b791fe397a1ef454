namespace SuperTickets.Messaging;

/// <summary>Counts down the consumer groups still owing an envelope; the last one makes it durable.</summary>
internal sealed class DeliveryTracker(MessageEnvelope envelope, int groups, Action<MessageEnvelope> onDurable)
{
    private int _remaining = groups;

    public MessageEnvelope Envelope { get; } = envelope;

    public void Complete()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            onDurable(Envelope);
        }
    }
}
