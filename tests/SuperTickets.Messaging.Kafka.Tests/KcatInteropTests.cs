using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace SuperTickets.Messaging.Kafka.Tests;

/// <summary>Operators tail topics with kcat, an independent Kafka client: records must be readable there.</summary>
public sealed class KcatInteropTests(MockClusterFixture broker) : IClassFixture<MockClusterFixture>
{
    [Fact]
    public async Task Kcat_reads_the_key_json_payload_and_headers_of_a_sent_envelope()
    {
        var topic = KafkaTestBed.Unique("kcat");
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        var sent = KafkaTestBed.Envelope(topic, "conversation-9", "m-kcat", """{"subject":"Printer on fire","priority":"high"}""");
        await KafkaTestBed.SendAllAsync(transport, [sent]);

        var output = await RunKcatAsync(["-b", broker.BootstrapServers, "-C", "-t", topic, "-o", "beginning", "-e", "-J", "-q"], stdin: null);

        using var json = JsonDocument.Parse(output.Trim());
        var record = json.RootElement;
        Assert.Equal(topic, record.GetProperty("topic").GetString());
        Assert.Equal("conversation-9", record.GetProperty("key").GetString());
        using var payload = JsonDocument.Parse(record.GetProperty("payload").GetString()!);
        Assert.Equal("Printer on fire", payload.RootElement.GetProperty("subject").GetString());
        var headers = record.GetProperty("headers").EnumerateArray().Select(e => e.GetString()!).ToList();
        var pairs = Enumerable.Range(0, headers.Count / 2).ToDictionary(i => headers[2 * i], i => headers[2 * i + 1]);
        Assert.Equal(sent.Headers.OrderBy(h => h.Key), pairs.OrderBy(h => h.Key));
    }

    [Fact]
    public async Task Record_produced_by_kcat_is_consumed_as_an_envelope_with_its_headers()
    {
        var topic = KafkaTestBed.Unique("kcat-in");
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        var processor = new RecordingProcessor();

        await RunKcatAsync(
            ["-b", broker.BootstrapServers, "-P", "-t", topic, "-k", "conversation-3", "-H", "message-id=from-kcat", "-H", "message-type=EmailReceived"],
            stdin: """{"subject":"typed by hand"}""");
        await using (new RunningConsumer(transport, topic, KafkaTestBed.Unique("group"), processor))
        {
            await KafkaTestBed.WaitUntilAsync(() => !processor.Processed.IsEmpty, "the kcat record is processed");
        }

        var (envelope, _) = Assert.Single(processor.Processed);
        Assert.Equal("from-kcat", envelope.MessageId);
        Assert.Equal("EmailReceived", envelope.MessageType);
        Assert.Equal("conversation-3", envelope.Key);
        Assert.Equal("""{"subject":"typed by hand"}""", Encoding.UTF8.GetString(envelope.Payload.Span));
    }

    private static async Task<string> RunKcatAsync(IReadOnlyList<string> arguments, string? stdin)
    {
        var start = new ProcessStartInfo("kcat")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("kcat did not start.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException("kcat is not installed; these tests need it. Install it with: apt-get install -y kcat", ex);
        }
        using (process)
        {
            if (stdin is not null)
            {
                await process.StandardInput.WriteLineAsync(stdin);
                process.StandardInput.Close();
            }
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(KafkaTestBed.Patience);
            Assert.True(process.ExitCode == 0, $"kcat exited with {process.ExitCode}: {await error}");
            return await output;
        }
    }
}
