using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SuperTickets.Messaging;
using SuperTickets.Messaging.Kafka;

namespace SuperTickets.Benchmarks.Kafka;

/// <summary>
/// The Kafka transport through librdkafka's in-process mock cluster (3 brokers): 50,000 small JSON envelopes
/// produced until every one is acknowledged, and produced then consumed by a subscribed consumer group.
/// Reported per message (OperationsPerInvoke); messages per second = 1 / mean.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class KafkaRoundTripBenchmarks
{
    private const int Messages = 50_000;

    private MockKafkaCluster _cluster = null!;
    private KafkaTransport _transport = null!;
    private CountingProcessor _processor = null!;
    private CancellationTokenSource _stop = null!;
    private Task _consumer = null!;
    private MessageEnvelope[] _consumed = [];
    private MessageEnvelope[] _produced = [];

    [GlobalSetup]
    public void Setup()
    {
        _cluster = MockKafkaCluster.Start(brokers: 3);
        var options = new KafkaOptions { BootstrapServers = _cluster.BootstrapServers, ClientId = "benchmarks", MaxBatchSize = 256 };
        _transport = new KafkaTransport(Options.Create(options), new NullDeadLetterSink(), TimeProvider.System, NullLoggerFactory.Instance);
        _consumed = Envelopes("bench.roundtrip.v1");
        _produced = Envelopes("bench.produce.v1");
        _processor = new CountingProcessor();
        _stop = new CancellationTokenSource();
        _consumer = _transport.RunConsumerAsync("bench.roundtrip.v1", "bench", _processor, _stop.Token);
        var joined = _processor.Expect(1);
        _transport.Send(_consumed[0], _ => { });
        joined.Wait(TimeSpan.FromSeconds(60));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _consumer.Wait(TimeSpan.FromSeconds(30));
        _transport.Dispose();
        _cluster.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "Kafka produce: 50,000 envelopes until acknowledged (acks=all, idempotent, lz4)")]
    public void ProduceDurable() => SendAll(_produced).Wait();

    [Benchmark(OperationsPerInvoke = Messages, Description = "Kafka round trip: 50,000 envelopes produced and consumed by a group")]
    public void ProduceAndConsume()
    {
        var consumed = _processor.Expect(Messages);
        SendAll(_consumed).Wait();
        consumed.Wait();
    }

    private Task SendAll(MessageEnvelope[] envelopes)
    {
        var remaining = envelopes.Length;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var envelope in envelopes)
        {
            _transport.Send(envelope, _ =>
            {
                if (Interlocked.Decrement(ref remaining) == 0)
                {
                    done.TrySetResult();
                }
            });
        }
        return done.Task;
    }

    private static MessageEnvelope[] Envelopes(string topic) =>
        [.. Enumerable.Range(0, Messages).Select(i =>
        {
            var id = Guid.CreateVersion7().ToString("N");
            var key = $"conversation-{i % 1000}";
            var headers = new Dictionary<string, string>
            {
                [MessageHeaders.MessageId] = id,
                [MessageHeaders.MessageType] = "EmailReceived",
                [MessageHeaders.CorrelationId] = id,
                [MessageHeaders.ContentType] = "application/json",
                [MessageHeaders.TraceParent] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            };
            var payload = Encoding.UTF8.GetBytes($$"""{"emailId":{{i}},"mailbox":"support","subject":"Order {{i}} has not arrived","receivedAt":"2026-11-22T10:00:00Z"}""");
            return new MessageEnvelope(id, topic, key, "EmailReceived", payload, headers, DateTimeOffset.UtcNow);
        })];
}
