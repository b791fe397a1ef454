namespace SuperTickets.Messaging.Kafka;

/// <summary>librdkafka is missing; the message says what to install.</summary>
public sealed class KafkaNativeLibraryException(string message, Exception? inner = null) : Exception(message, inner);
