namespace SuperTickets.Messaging;

/// <summary>Handles one message type. Handlers know nothing of the transport and must be idempotent.</summary>
public interface IMessageHandler<in T>
{
    Task HandleAsync(T message, MessageContext context, CancellationToken ct);
}
