namespace SuperTickets.Messaging;

/// <summary>The message can never be processed (for example its payload is not valid JSON for its type).</summary>
public sealed class PoisonMessageException(string message, Exception? inner = null) : Exception(message, inner);
