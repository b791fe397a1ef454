using System.Text;

namespace SuperTickets.Messaging.Kafka.Tests;

public sealed class KafkaTransportTests(MockClusterFixture broker) : IClassFixture<MockClusterFixture>
{
    [Fact]
    public async Task Sent_envelope_arrives_with_key_payload_and_every_header()
    {
        var topic = KafkaTestBed.Unique("roundtrip");
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        var processor = new RecordingProcessor();
        var sent = KafkaTestBed.Envelope(topic, "conversation-7", "m-1");

        await KafkaTestBed.SendAllAsync(transport, [sent]);
        await using (new RunningConsumer(transport, topic, KafkaTestBed.Unique("group"), processor))
        {
            await KafkaTestBed.WaitUntilAsync(() => processor.Processed.Count == 1, "the message is processed");
        }

        var (received, attempt) = Assert.Single(processor.Processed);
        Assert.Equal(1, attempt);
        Assert.Equal("m-1", received.MessageId);
        Assert.Equal(topic, received.Topic);
        Assert.Equal("conversation-7", received.Key);
        Assert.Equal("TestMessage", received.MessageType);
        Assert.Equal(Encoding.UTF8.GetString(sent.Payload.Span), Encoding.UTF8.GetString(received.Payload.Span));
        Assert.Equal(sent.Headers.OrderBy(h => h.Key), received.Headers.OrderBy(h => h.Key));
        Assert.Equal("corr-m-1", received.CorrelationId);
    }

    [Fact]
    public async Task Messages_with_the_same_key_are_processed_in_send_order()
    {
        var topic = KafkaTestBed.Unique("order");
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        var processor = new RecordingProcessor();
        string[] keys = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"];
        var envelopes = Enumerable.Range(0, 100).SelectMany(i => keys.Select(k => KafkaTestBed.Envelope(topic, k, $"{k}-{i}"))).ToList();

        await using (new RunningConsumer(transport, topic, KafkaTestBed.Unique("group"), processor))
        {
            await KafkaTestBed.SendAllAsync(transport, envelopes);
            await KafkaTestBed.WaitUntilAsync(() => processor.Processed.Count >= envelopes.Count, "every message is processed");
        }

        Assert.Equal(envelopes.Count, processor.ProcessedIds.Distinct().Count());
        foreach (var key in keys)
        {
            var sequence = processor.Processed.Where(p => p.Envelope.Key == key).Select(p => int.Parse(p.Envelope.MessageId[(key.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, 100), sequence);
        }
    }
}
