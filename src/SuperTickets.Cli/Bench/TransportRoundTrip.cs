using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Messaging;
using SuperTickets.Messaging.Kafka;

namespace SuperTickets.Cli.Bench;

/// <summary>
/// Sends N envelopes of about an email notification's size through <see cref="KafkaTransport"/> and consumes them
/// back in a fresh consumer group, timing each from send to hand-over: what the transport allows before any
/// database or handler work.
/// </summary>
public static class TransportRoundTrip
{
    private const string Topic = "supertickets.bench.roundtrip.v1";

    public static async Task<RoundTripResult> RunAsync(string bootstrapServers, int count, CancellationToken ct)
    {
        var options = Options.Create(new KafkaOptions
        {
            BootstrapServers = bootstrapServers,
            ClientId = "supertickets-bench",
            Settings = new(KafkaBench.ClientSettings, StringComparer.Ordinal),
        });
        var sink = new DiscardingSink();
        var processor = new TimingProcessor();
        await using var transport = new KafkaTransport(options, sink, TimeProvider.System, NullLoggerFactory.Instance);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var consuming = transport.RunConsumerAsync(Topic, "bench-" + Guid.NewGuid().ToString("N")[..8], processor, stop.Token);

        var payload = new byte[600];
        Array.Fill(payload, (byte)'x');
        Send(transport, "warm-up", "key-0", payload);
        await processor.WaitForAsync(1, ct);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            Send(transport, "m-" + i, "key-" + (i % 64), payload);
        }
        await processor.WaitForAsync(count + 1, ct);
        clock.Stop();
        await stop.CancelAsync();
        await consuming;

        var latencies = processor.Latencies.Order().ToArray();
        return new RoundTripResult(count, Math.Round(clock.Elapsed.TotalSeconds, 3), Math.Round(count / clock.Elapsed.TotalSeconds, 1),
            BenchMeasurements.Percentile(latencies, 0.50), BenchMeasurements.Percentile(latencies, 0.95), BenchMeasurements.Percentile(latencies, 0.99));
    }

    private static void Send(KafkaTransport transport, string id, string key, byte[] payload) =>
        transport.Send(
            new MessageEnvelope(id, Topic, key, "BenchPing", payload,
                new Dictionary<string, string> { [MessageHeaders.MessageId] = id, [MessageHeaders.MessageType] = "BenchPing" },
                DateTimeOffset.UtcNow),
            static _ => { });

    private sealed class TimingProcessor : IEnvelopeBatchProcessor
    {
        private readonly ConcurrentBag<double> _latencies = [];
        private int _received;

        public IEnumerable<double> Latencies => _latencies;

        public Task<BatchOutcome> ProcessAsync(IReadOnlyList<MessageEnvelope> batch, int attempt, CancellationToken ct)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var envelope in batch.Where(e => e.MessageId != "warm-up"))
            {
                _latencies.Add((now - envelope.CreatedAt).TotalMilliseconds);
            }
            Interlocked.Add(ref _received, batch.Count);
            return Task.FromResult(BatchOutcome.All(batch.Count));
        }

        public async Task WaitForAsync(int count, CancellationToken ct)
        {
            while (Volatile.Read(ref _received) < count)
            {
                await Task.Delay(5, ct);
            }
        }
    }

    private sealed class DiscardingSink : IDeadLetterSink
    {
        public Task StoreAsync(DeadLetter deadLetter, CancellationToken ct) => Task.CompletedTask;
    }
}
