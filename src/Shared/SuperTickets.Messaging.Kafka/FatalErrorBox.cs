using Confluent.Kafka;

namespace SuperTickets.Messaging.Kafka;

/// <summary>Carries a fatal client error from librdkafka's callback thread to the consumer loop.</summary>
internal sealed class FatalErrorBox
{
    private Error? _error;

    public void Set(Error error) => Interlocked.CompareExchange(ref _error, error, null);

    public void ThrowIfSet()
    {
        if (Volatile.Read(ref _error) is { } error)
        {
            throw new KafkaException(error);
        }
    }
}
