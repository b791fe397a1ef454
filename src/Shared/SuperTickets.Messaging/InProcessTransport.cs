using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SuperTickets.Messaging;

/// <summary>
/// The embedded transport: each topic has partitions (in-memory queues) per consumer group, keyed like Kafka,
/// so one key is processed in order. Delivery is at least once: an envelope becomes durable (its outbox row
/// may go) only when every subscribed group has processed or dead-lettered it.
/// </summary>
public sealed partial class InProcessTransport : IMessageTransport
{
    private readonly Dictionary<string, List<InProcessSubscription>> _byTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Topic, string Group), InProcessSubscription> _byGroup = [];
    private readonly ILogger<InProcessTransport> _logger;
    private int _pending;

    public InProcessTransport(
        IEnumerable<ConsumerRegistration> registrations,
        IDeadLetterSink deadLetters,
        IOptions<MessagingOptions> options,
        TimeProvider clock,
        ILoggerFactory loggers)
    {
        _logger = loggers.CreateLogger<InProcessTransport>();
        foreach (var registration in registrations)
        {
            var key = (registration.Topic, registration.Group);
            if (_byGroup.ContainsKey(key))
            {
                continue;
            }
            var subscription = new InProcessSubscription(
                registration.Topic, registration.Group, options.Value, deadLetters, clock,
                () => Interlocked.Decrement(ref _pending), loggers.CreateLogger<InProcessSubscription>());
            _byGroup[key] = subscription;
            if (!_byTopic.TryGetValue(registration.Topic, out var list))
            {
                _byTopic[registration.Topic] = list = [];
            }
            list.Add(subscription);
        }
    }

    public string Name => "in-process";

    /// <summary>Deliveries queued or being processed across all groups.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public void Send(MessageEnvelope envelope, Action<MessageEnvelope> onDurable)
    {
        if (!_byTopic.TryGetValue(envelope.Topic, out var subscriptions))
        {
            LogNoSubscribers(_logger, envelope.Topic);
            onDurable(envelope);
            return;
        }
        var tracker = new DeliveryTracker(envelope, subscriptions.Count, onDurable);
        Interlocked.Add(ref _pending, subscriptions.Count);
        foreach (var subscription in subscriptions)
        {
            subscription.Enqueue(tracker);
        }
    }

    public Task RunConsumerAsync(string topic, string group, IEnvelopeBatchProcessor processor, CancellationToken ct) =>
        _byGroup.TryGetValue((topic, group), out var subscription)
            ? subscription.RunAsync(processor, ct)
            : throw new InvalidOperationException($"No consumer registration for topic {topic}, group {group}.");

    [LoggerMessage(Level = LogLevel.Trace, Message = "No in-process subscriber for {Topic}; message acknowledged")]
    private static partial void LogNoSubscribers(ILogger logger, string topic);
}
