namespace SuperTickets.Messaging;

/// <summary>A message type declared to the serializer through DI.</summary>
public sealed record MessageTypeRegistration(Type MessageType);
