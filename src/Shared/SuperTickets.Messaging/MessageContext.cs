namespace SuperTickets.Messaging;

/// <summary>What a handler knows about the message it handles, and how it emits follow-up messages.</summary>
/// <remarks>Messages published here are written to the outbox in the handler's transaction and relayed
/// only after it commits.</remarks>
public sealed class MessageContext(MessageEnvelope envelope, int attempt, IMessageUnitOfWork unitOfWork, MessageSerializer serializer)
{
    public MessageEnvelope Envelope { get; } = envelope;
    public string MessageId => Envelope.MessageId;
    public string CorrelationId => Envelope.CorrelationId;
    public string Topic => Envelope.Topic;
    public string Key => Envelope.Key;
    public int Attempt { get; } = attempt;

    public Task PublishAsync<T>(string topic, string key, T message, CancellationToken ct) where T : notnull =>
        unitOfWork.EnqueueAsync(serializer.CreateEnvelope(topic, key, message, Envelope), ct);
}
