namespace SuperTickets.Messaging;

public sealed record DeadLetter(
    MessageEnvelope Envelope,
    string ConsumerGroup,
    string ExceptionType,
    string ExceptionMessage,
    int Attempts,
    DateTimeOffset FirstFailedAt,
    DateTimeOffset FailedAt,
    string? OriginalPartition = null,
    string? OriginalOffset = null);
