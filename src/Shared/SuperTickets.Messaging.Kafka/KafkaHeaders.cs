namespace SuperTickets.Messaging.Kafka;

/// <summary>
/// Headers the Kafka transport adds to records on retry topics, next to the envelope's own headers.
/// Dead-letter records carry the <see cref="MessageHeaders"/> <c>dlq-*</c> headers instead.
/// </summary>
public static class KafkaHeaders
{
    /// <summary>Attempts made so far (the main topic's attempt is 1).</summary>
    public const string RetryAttempt = "retry-attempt";
    public const string RetryFirstFailure = "retry-first-failure";
    /// <summary>Not processed before this instant (ISO 8601, UTC).</summary>
    public const string RetryDueAt = "retry-due-at";
    public const string RetryOriginalTopic = "retry-original-topic";
    public const string RetryOriginalPartition = "retry-original-partition";
    public const string RetryOriginalOffset = "retry-original-offset";
    /// <summary>The consumer group that failed; other groups reading the same retry topic skip the record.</summary>
    public const string RetryConsumerGroup = "retry-consumer-group";
    public const string RetryExceptionType = "retry-exception-type";
    public const string RetryExceptionMessage = "retry-exception-message";

    /// <summary>True for headers the transport manages (retry and dead-letter bookkeeping), not the message's own.</summary>
    public static bool IsTransportHeader(string name) =>
        name.StartsWith("retry-", StringComparison.Ordinal) || name.StartsWith("dlq-", StringComparison.Ordinal);
}
