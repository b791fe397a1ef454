namespace SuperTickets.Messaging;

/// <summary>A message on the wire: a JSON payload plus the headers operators and consumers rely on.</summary>
public sealed record MessageEnvelope(
    string MessageId,
    string Topic,
    string Key,
    string MessageType,
    ReadOnlyMemory<byte> Payload,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset CreatedAt)
{
    /// <summary>The outbox row this envelope was relayed from, when it came through the outbox.</summary>
    public long? OutboxId { get; init; }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string CorrelationId => Header(MessageHeaders.CorrelationId) ?? MessageId;
}
