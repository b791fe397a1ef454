using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SuperTickets.Messaging.Kafka;

/// <summary>
/// The production transport. One idempotent producer per process relays envelopes (key, UTF-8 JSON value, one
/// header per envelope header). Each subscription runs an at-least-once consumer for the main topic and one for
/// its retry tiers, each on its own thread; failures move through <c>&lt;topic&gt;.retry.N</c> to <c>&lt;topic&gt;.dlq</c>.
/// </summary>
public sealed partial class KafkaTransport : IMessageTransport, IAsyncDisposable, IDisposable
{
    private readonly KafkaOptions _options;
    private readonly IDeadLetterSink _deadLetters;
    private readonly TimeProvider _clock;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly IProducer<string, byte[]> _producer;
    private int _disposed;

    /// <exception cref="KafkaNativeLibraryException">librdkafka is not installed.</exception>
    public KafkaTransport(IOptions<KafkaOptions> options, IDeadLetterSink deadLetters, TimeProvider clock, ILoggerFactory loggers)
    {
        _options = options.Value;
        _deadLetters = deadLetters;
        _clock = clock;
        _loggers = loggers;
        _logger = loggers.CreateLogger<KafkaTransport>();
        var version = KafkaNative.EnsureLoaded();
        _producer = KafkaClients.BuildProducer(_options, _logger);
        LogCreated(_logger, version, _options.BootstrapServers);
    }

    public string Name => "kafka";

    /// <summary>
    /// Queues the envelope on the producer. <paramref name="onDurable"/> runs from the delivery report once every
    /// in-sync replica has it; a failed delivery is logged and the outbox row stays for the relay's sweep.
    /// </summary>
    public void Send(MessageEnvelope envelope, Action<MessageEnvelope> onDurable)
    {
        var message = KafkaRecords.ToMessage(envelope);
        while (true)
        {
            try
            {
                _producer.Produce(envelope.Topic, message, report => OnDelivered(report, envelope, onDurable));
                return;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                Thread.Sleep(10);
            }
            catch (KafkaException ex)
            {
                LogSendFailed(_logger, envelope.MessageId, envelope.Topic, ex.Error.Reason);
                return;
            }
        }
    }

    public async Task RunConsumerAsync(string topic, string group, IEnvelopeBatchProcessor processor, CancellationToken ct)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var router = new KafkaFailureRouter(_producer, _deadLetters, _options.EffectiveRetryDelays, _clock, _loggers.CreateLogger<KafkaFailureRouter>());
        var mains = Enumerable.Range(0, _options.ConsumersPerTopic)
            .Select(_ => new KafkaMainConsumer(topic, group, processor, router, _options, _clock, _loggers.CreateLogger<KafkaMainConsumer>()));
        var retry = new KafkaRetryConsumer(topic, group, processor, router, _options, _clock, _loggers.CreateLogger<KafkaRetryConsumer>());
        await Task.WhenAll([.. mains.Select(main => StartLoop(main.Run, stopping)), StartLoop(retry.Run, stopping)]);
    }

    /// <summary>Waits up to <see cref="KafkaOptions.DrainTimeout"/> for queued messages, then releases the producer.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            var left = _producer.Flush(_options.DrainTimeout);
            if (left > 0)
            {
                LogFlushIncomplete(_logger, left);
            }
            _producer.Dispose();
        }
    }

    private static Task StartLoop(Action<CancellationToken> loop, CancellationTokenSource stopping) =>
        Task.Factory.StartNew(
            () =>
            {
                try
                {
                    loop(stopping.Token);
                }
                catch
                {
                    stopping.Cancel();
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    private void OnDelivered(DeliveryReport<string, byte[]> report, MessageEnvelope envelope, Action<MessageEnvelope> onDurable)
    {
        if (report.Error.IsError)
        {
            LogSendFailed(_logger, envelope.MessageId, envelope.Topic, report.Error.Reason);
            return;
        }
        try
        {
            onDurable(envelope);
        }
        catch (Exception ex)
        {
            LogCallbackFailed(_logger, envelope.MessageId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka transport using librdkafka {Version}, brokers {BootstrapServers}")]
    private static partial void LogCreated(ILogger logger, string version, string bootstrapServers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} to {Topic} not delivered ({Reason}); the outbox keeps it for a later send")]
    private static partial void LogSendFailed(ILogger logger, string messageId, string topic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery callback for message {MessageId} failed")]
    private static partial void LogCallbackFailed(ILogger logger, string messageId, Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka producer closed with {Count} message(s) undelivered; the outbox keeps them")]
    private static partial void LogFlushIncomplete(ILogger logger, int count);
}
