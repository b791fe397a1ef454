using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging.Kafka.Tests;

public sealed class KafkaProducerFailureTests
{
    [Fact]
    public async Task Undeliverable_message_is_logged_and_never_reported_durable_so_the_outbox_keeps_it()
    {
        var logs = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var options = KafkaTestBed.Options("127.0.0.1:9");
        options.Settings["message.timeout.ms"] = "300";
        options.DrainTimeout = TimeSpan.FromSeconds(2);
        var durable = 0;

        await using (var transport = new KafkaTransport(Microsoft.Extensions.Options.Options.Create(options), new RecordingDeadLetterSink(), TimeProvider.System, loggers))
        {
            transport.Send(KafkaTestBed.Envelope("test.unreachable", "k", "lost-1"), _ => Interlocked.Increment(ref durable));
            await KafkaTestBed.WaitUntilAsync(
                () => logs.Lines.Any(l => l.Level == LogLevel.Warning && l.Text.Contains("lost-1", StringComparison.Ordinal)),
                "the failed delivery is logged",
                TimeSpan.FromSeconds(10));
        }

        Assert.Equal(0, durable);
        Assert.Contains(logs.Lines, l => l.Text.Contains("outbox keeps it", StringComparison.Ordinal));
    }
}
