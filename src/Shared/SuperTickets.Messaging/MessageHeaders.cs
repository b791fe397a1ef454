namespace SuperTickets.Messaging;

/// <summary>Header names carried by every message, readable with ordinary Kafka tools.</summary>
public static class MessageHeaders
{
    public const string MessageId = "message-id";
    public const string MessageType = "message-type";
    public const string CorrelationId = "correlation-id";
    public const string CausationId = "causation-id";
    public const string TraceParent = "traceparent";
    public const string ContentType = "content-type";

    public const string DeadLetterExceptionType = "dlq-exception-type";
    public const string DeadLetterExceptionMessage = "dlq-exception-message";
    public const string DeadLetterOriginalTopic = "dlq-original-topic";
    public const string DeadLetterOriginalPartition = "dlq-original-partition";
    public const string DeadLetterOriginalOffset = "dlq-original-offset";
    public const string DeadLetterConsumerGroup = "dlq-consumer-group";
    public const string DeadLetterAttempts = "dlq-attempts";
    public const string DeadLetterFirstFailure = "dlq-first-failure";
}
