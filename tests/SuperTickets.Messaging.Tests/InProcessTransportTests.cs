using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Messaging;

namespace SuperTickets.Messaging.Tests;

public sealed class InProcessTransportTests
{
    private static readonly MessagingOptions Options = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(1), MaxAttempts = 3, InProcessPartitions = 4, MaxBatchSize = 8 };

    [Fact]
    public async Task Messages_with_the_same_key_are_processed_in_send_order()
    {
        var processor = new RecordingProcessor();
        var (transport, _) = Create(("t", "g"));
        using var cts = new CancellationTokenSource();
        var consumer = transport.RunConsumerAsync("t", "g", processor, cts.Token);
        var durable = new CountdownEvent(400);
        for (var i = 0; i < 100; i++)
        {
            foreach (var key in new[] { "a", "b", "c", "d" })
            {
                transport.Send(Envelope($"{key}-{i}", key), _ => durable.Signal());
            }
        }

        Assert.True(durable.Wait(TimeSpan.FromSeconds(10)));
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            var seen = processor.Processed.Where(id => id.StartsWith(key + "-", StringComparison.Ordinal)).Select(id => int.Parse(id[2..])).ToList();
            Assert.Equal(Enumerable.Range(0, 100), seen);
        }
        Assert.Equal(0, transport.Pending);
        await cts.CancelAsync();
        await consumer;
    }

    [Fact]
    public async Task Transient_failure_is_retried_and_then_succeeds_without_dead_letter()
    {
        var processor = new RecordingProcessor { FailuresBeforeSuccess = { ["m1"] = 2 } };
        var (transport, deadLetters) = Create(("t", "g"));
        using var cts = new CancellationTokenSource();
        var consumer = transport.RunConsumerAsync("t", "g", processor, cts.Token);
        var durable = new TaskCompletionSource<MessageEnvelope>();

        transport.Send(Envelope("m1", "k"), e => durable.TrySetResult(e));

        Assert.Equal("m1", (await durable.Task.WaitAsync(TimeSpan.FromSeconds(5))).MessageId);
        Assert.Equal(["m1"], processor.Processed);
        Assert.Equal(3, processor.Attempts["m1"]);
        Assert.Empty(deadLetters.Letters);
        await cts.CancelAsync();
        await consumer;
    }

    [Fact]
    public async Task Permanent_failure_is_dead_lettered_and_the_partition_moves_on()
    {
        var processor = new RecordingProcessor { FailuresBeforeSuccess = { ["bad"] = int.MaxValue } };
        var (transport, deadLetters) = Create(("t", "g"));
        using var cts = new CancellationTokenSource();
        var consumer = transport.RunConsumerAsync("t", "g", processor, cts.Token);
        var durable = new CountdownEvent(3);

        transport.Send(Envelope("before", "k"), _ => durable.Signal());
        transport.Send(Envelope("bad", "k"), _ => durable.Signal());
        transport.Send(Envelope("after", "k"), _ => durable.Signal());

        Assert.True(durable.Wait(TimeSpan.FromSeconds(5)));
        Assert.Equal(["before", "after"], processor.Processed);
        var letter = Assert.Single(deadLetters.Letters);
        Assert.Equal("bad", letter.Envelope.MessageId);
        Assert.Equal(Options.MaxAttempts, letter.Attempts);
        Assert.Equal("g", letter.ConsumerGroup);
        Assert.Contains("InvalidOperationException", letter.ExceptionType, StringComparison.Ordinal);
        await cts.CancelAsync();
        await consumer;
    }

    [Fact]
    public async Task Poison_message_goes_to_dead_letters_on_the_first_attempt()
    {
        var processor = new RecordingProcessor { Poison = { "garbage" } };
        var (transport, deadLetters) = Create(("t", "g"));
        using var cts = new CancellationTokenSource();
        var consumer = transport.RunConsumerAsync("t", "g", processor, cts.Token);
        var durable = new CountdownEvent(2);

        transport.Send(Envelope("garbage", "k"), _ => durable.Signal());
        transport.Send(Envelope("fine", "k"), _ => durable.Signal());

        Assert.True(durable.Wait(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, Assert.Single(deadLetters.Letters).Attempts);
        Assert.Equal(["fine"], processor.Processed);
        await cts.CancelAsync();
        await consumer;
    }

    [Fact]
    public async Task Envelope_becomes_durable_only_after_every_group_processed_it()
    {
        var slow = new RecordingProcessor { Gate = new SemaphoreSlim(0) };
        var fast = new RecordingProcessor();
        var (transport, _) = Create(("t", "slow"), ("t", "fast"));
        using var cts = new CancellationTokenSource();
        var consumers = Task.WhenAll(transport.RunConsumerAsync("t", "slow", slow, cts.Token), transport.RunConsumerAsync("t", "fast", fast, cts.Token));
        var durable = new TaskCompletionSource();

        transport.Send(Envelope("m", "k"), _ => durable.TrySetResult());
        await WaitUntilAsync(() => fast.Processed.Count == 1);

        Assert.False(durable.Task.IsCompleted);
        slow.Gate.Release();
        await durable.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await cts.CancelAsync();
        await consumers;
    }

    [Fact]
    public void Topic_without_subscribers_is_durable_at_once()
    {
        var (transport, _) = Create(("t", "g"));
        var durable = false;
        transport.Send(Envelope("m", "k") with { Topic = "other" }, _ => durable = true);
        Assert.True(durable);
    }

    [Fact]
    public void Partition_of_a_key_is_stable_and_spread()
    {
        var partitions = Enumerable.Range(0, 1000).Select(i => InProcessSubscription.PartitionOf($"conv-{i}", 4)).ToList();
        Assert.Equal(partitions, Enumerable.Range(0, 1000).Select(i => InProcessSubscription.PartitionOf($"conv-{i}", 4)));
        Assert.All(Enumerable.Range(0, 4), p => Assert.InRange(partitions.Count(x => x == p), 150, 350));
    }

    private static (InProcessTransport, RecordingDeadLetters) Create(params (string Topic, string Group)[] subscriptions)
    {
        var deadLetters = new RecordingDeadLetters();
        var registrations = subscriptions.Select(s => new ConsumerRegistration(s.Topic, s.Group, typeof(object), _ => null!));
        return (new InProcessTransport(registrations, deadLetters, Microsoft.Extensions.Options.Options.Create(Options), TimeProvider.System, NullLoggerFactory.Instance), deadLetters);
    }

    private static MessageEnvelope Envelope(string id, string key) =>
        new(id, "t", key, "Thing", "{}"u8.ToArray(), new Dictionary<string, string>(), DateTimeOffset.UtcNow);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }

    private sealed class RecordingProcessor : IEnvelopeBatchProcessor
    {
        public ConcurrentQueue<string> ProcessedQueue { get; } = new();
        public List<string> Processed => [.. ProcessedQueue];
        public Dictionary<string, int> FailuresBeforeSuccess { get; } = [];
        public ConcurrentDictionary<string, int> Attempts { get; } = new();
        public HashSet<string> Poison { get; } = [];
        public SemaphoreSlim? Gate { get; init; }

        public async Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
        {
            if (Gate is not null)
            {
                await Gate.WaitAsync(ct);
            }
            for (var i = 0; i < batch.Count; i++)
            {
                var id = batch[i].MessageId;
                var attempts = Attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
                if (Poison.Contains(id))
                {
                    return new BatchOutcome(i, new PoisonMessageException("unreadable"));
                }
                if (FailuresBeforeSuccess.TryGetValue(id, out var failures) && attempts <= failures)
                {
                    return new BatchOutcome(i, new InvalidOperationException("boom"));
                }
                ProcessedQueue.Enqueue(id);
            }
            return BatchOutcome.All(batch.Count);
        }
    }

    private sealed class RecordingDeadLetters : IDeadLetterSink
    {
        public ConcurrentQueue<DeadLetter> Queue { get; } = new();
        public List<DeadLetter> Letters => [.. Queue];

        public Task StoreAsync(DeadLetter deadLetter, CancellationToken ct)
        {
            Queue.Enqueue(deadLetter);
            return Task.CompletedTask;
        }
    }
}
