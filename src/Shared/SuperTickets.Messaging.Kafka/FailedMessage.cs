namespace SuperTickets.Messaging.Kafka;

/// <summary>A message whose latest attempt failed, with where it first came from.</summary>
internal sealed record FailedMessage(
    MessageEnvelope Envelope,
    string ConsumerGroup,
    int OriginalPartition,
    long OriginalOffset,
    int Attempts,
    DateTimeOffset FirstFailedAt,
    Exception Failure);
