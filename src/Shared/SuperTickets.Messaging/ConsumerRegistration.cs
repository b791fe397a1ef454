namespace SuperTickets.Messaging;

/// <summary>An explicit subscription: consumer group <see cref="Group"/> handles <see cref="Topic"/>.</summary>
public sealed record ConsumerRegistration(
    string Topic,
    string Group,
    Type MessageType,
    Func<IServiceProvider, IEnvelopeBatchProcessor> CreateProcessor);
