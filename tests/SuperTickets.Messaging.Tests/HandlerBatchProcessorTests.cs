using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Messaging;

namespace SuperTickets.Messaging.Tests;

public sealed class HandlerBatchProcessorTests
{
    public sealed record Ping(int N);

    [Fact]
    public async Task Transient_database_failure_is_retried_in_process_and_the_batch_commits_once()
    {
        var (processor, handler, unitOfWork) = Create(failTransientlyTimes: 2);
        var outcome = await processor.ProcessAsync([Envelope(1), Envelope(2)], 1, default);

        Assert.Null(outcome.Failure);
        Assert.Equal(2, outcome.Succeeded);
        Assert.Equal(1, unitOfWork.Commits);
        Assert.Equal([1, 2], handler.Handled.Skip(handler.Handled.Count - 2));
    }

    [Fact]
    public async Task Failure_in_the_middle_commits_the_messages_before_it()
    {
        var (processor, handler, unitOfWork) = Create(permanentFailureOn: 3);
        var outcome = await processor.ProcessAsync([Envelope(1), Envelope(2), Envelope(3), Envelope(4)], 1, default);

        Assert.Equal(2, outcome.Succeeded);
        Assert.IsType<InvalidOperationException>(outcome.Failure);
        Assert.Equal(1, unitOfWork.Commits);
        Assert.Equal(["1", "2"], unitOfWork.CommittedIds);
        Assert.Equal([1, 2], handler.Handled.Distinct());
    }

    [Fact]
    public async Task Unreadable_payload_is_reported_as_poison_after_committing_what_came_before()
    {
        var (processor, _, unitOfWork) = Create();
        var garbage = Envelope(2) with { Payload = "{not json"u8.ToArray() };
        var outcome = await processor.ProcessAsync([Envelope(1), garbage, Envelope(3)], 1, default);

        Assert.Equal(1, outcome.Succeeded);
        Assert.True(outcome.IsPoison);
        Assert.Equal(["1"], unitOfWork.CommittedIds);
    }

    [Fact]
    public async Task Metrics_count_committed_messages_skipped_redeliveries_and_failed_batches_per_consumer()
    {
        var (processor, _, _, meters) = CreateWithMeters(permanentFailureOn: 9);
        var recorded = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == MessagingMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            Assert.Equal(new KeyValuePair<string, object?>(MessagingMetrics.ConsumerTag, "test"), Assert.Single(tags.ToArray()));
            recorded[instrument.Name] = recorded.GetValueOrDefault(instrument.Name) + value;
        });
        listener.Start();

        await processor.ProcessAsync([Envelope(1), Envelope(2)], 1, default);
        await processor.ProcessAsync([Envelope(2), Envelope(3)], 1, default);
        await processor.ProcessAsync([Envelope(9)], 1, default);

        Assert.Equal(3, recorded[MessagingMetrics.HandledName]);
        Assert.Equal(1, recorded[MessagingMetrics.DuplicatesName]);
        Assert.Equal(1, recorded[MessagingMetrics.FailedName]);
    }

    private static MessageEnvelope Envelope(int n) =>
        new(n.ToString(System.Globalization.CultureInfo.InvariantCulture), "t", "k", nameof(Ping),
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Ping(n), MessageSerializer.JsonOptions), new Dictionary<string, string>(), DateTimeOffset.UtcNow);

    private static (IEnvelopeBatchProcessor, FakeHandler, FakeUnitOfWork) Create(int failTransientlyTimes = 0, int? permanentFailureOn = null)
    {
        var (processor, handler, unitOfWork, _) = CreateWithMeters(failTransientlyTimes, permanentFailureOn);
        return (processor, handler, unitOfWork);
    }

    private static (IEnvelopeBatchProcessor, FakeHandler, FakeUnitOfWork, IMeterFactory) CreateWithMeters(int failTransientlyTimes = 0, int? permanentFailureOn = null)
    {
        var handler = new FakeHandler(failTransientlyTimes, permanentFailureOn);
        var unitOfWork = new FakeUnitOfWork();
        var services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddSingleton<MessagingMetrics>()
            .AddSingleton<IMessageHandler<Ping>>(handler)
            .AddSingleton<IMessageUnitOfWork>(unitOfWork)
            .BuildServiceProvider();
        var serializer = new MessageSerializer([new MessageTypeRegistration(typeof(Ping))], TimeProvider.System);
        var relay = new OutboxRelay(new NullTransport(), services.GetRequiredService<IServiceScopeFactory>(),
            Options.Create(new MessagingOptions()), NullLogger<OutboxRelay>.Instance);
        var processor = new HandlerBatchProcessor<Ping>(services.GetRequiredService<IServiceScopeFactory>(), serializer, relay,
            new HandlerResilience(NullLogger<HandlerResilience>.Instance), services.GetRequiredService<MessagingMetrics>(), "test",
            NullLogger<HandlerBatchProcessor<Ping>>.Instance);
        return (processor, handler, unitOfWork, services.GetRequiredService<IMeterFactory>());
    }

    private sealed class FakeHandler(int failTransientlyTimes, int? permanentFailureOn) : IMessageHandler<Ping>
    {
        private int _transientLeft = failTransientlyTimes;

        public List<int> Handled { get; } = [];

        public Task HandleAsync(Ping message, MessageContext context, CancellationToken ct)
        {
            if (_transientLeft > 0)
            {
                _transientLeft--;
                throw new FakeTransientDbException();
            }
            if (message.N == permanentFailureOn)
            {
                throw new InvalidOperationException("permanent");
            }
            Handled.Add(message.N);
            return Task.CompletedTask;
        }
    }

    private sealed class FakeTransientDbException() : DbException("connection reset")
    {
        public override bool IsTransient => true;
    }

    private sealed class FakeUnitOfWork : IMessageUnitOfWork
    {
        private readonly List<string> _pending = [];

        public int Commits { get; private set; }
        public List<string> CommittedIds { get; } = [];

        public Task BeginAsync(CancellationToken ct)
        {
            _pending.Clear();
            return Task.CompletedTask;
        }

        public Task<IReadOnlySet<string>> MarkProcessedAsync(string consumer, IReadOnlyList<string> messageIds, CancellationToken ct)
        {
            var fresh = messageIds.Except(CommittedIds).ToHashSet();
            _pending.AddRange(fresh);
            return Task.FromResult<IReadOnlySet<string>>(fresh);
        }

        public Task EnqueueAsync(MessageEnvelope envelope, CancellationToken ct) => Task.CompletedTask;

        public Task<IReadOnlyList<MessageEnvelope>> CommitAsync(CancellationToken ct)
        {
            Commits++;
            CommittedIds.AddRange(_pending);
            return Task.FromResult<IReadOnlyList<MessageEnvelope>>([]);
        }

        public ValueTask DisposeAsync() => default;
    }

    private sealed class NullTransport : IMessageTransport
    {
        public string Name => "null";
        public void Send(MessageEnvelope envelope, Action<MessageEnvelope> onDurable) => onDurable(envelope);
        public Task RunConsumerAsync(string topic, string group, IEnvelopeBatchProcessor processor, CancellationToken ct) => Task.CompletedTask;
    }
}
