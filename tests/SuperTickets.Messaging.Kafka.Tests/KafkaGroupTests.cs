namespace SuperTickets.Messaging.Kafka.Tests;

public sealed class KafkaGroupTests(MockClusterFixture broker) : IClassFixture<MockClusterFixture>
{
    [Fact]
    public async Task Two_consumers_in_one_group_share_the_partitions_and_together_process_every_message()
    {
        var topic = KafkaTestBed.Unique("group");
        var group = KafkaTestBed.Unique("workers");
        await using var first = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        await using var second = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        var processorA = new RecordingProcessor();
        var processorB = new RecordingProcessor();
        var sent = new List<int>();
        var sequence = 0;

        async Task SendRoundAsync()
        {
            var round = Enumerable.Range(sequence, 40).ToList();
            sequence += round.Count;
            await KafkaTestBed.SendAllAsync(first, round.Select(i => KafkaTestBed.Envelope(topic, $"conversation-{i % 32}", $"m-{i}")));
            sent.AddRange(round);
        }

        await using (new RunningConsumer(first, topic, group, processorA))
        {
            await SendRoundAsync();
            await KafkaTestBed.WaitUntilAsync(() => processorA.Processed.Count >= sent.Count, "the first consumer processes the first round");
            await using (new RunningConsumer(second, topic, group, processorB))
            {
                var deadline = DateTime.UtcNow + KafkaTestBed.Patience;
                while (processorB.Processed.IsEmpty && DateTime.UtcNow < deadline)
                {
                    await SendRoundAsync();
                    await Task.Delay(100);
                }
                await SendRoundAsync();
                await KafkaTestBed.WaitUntilAsync(
                    () => processorA.ProcessedIds.Union(processorB.ProcessedIds).Count() == sent.Count, "every message is processed");
            }
        }

        Assert.NotEmpty(processorA.Processed);
        Assert.NotEmpty(processorB.Processed);
        Assert.Equal(sent.Select(i => $"m-{i}").Order(StringComparer.Ordinal), processorA.ProcessedIds.Union(processorB.ProcessedIds).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Offsets_are_committed_on_stop_so_the_group_resumes_after_the_processed_messages()
    {
        var topic = KafkaTestBed.Unique("resume");
        var group = KafkaTestBed.Unique("workers");
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        var before = new RecordingProcessor();
        var after = new RecordingProcessor();

        await using (new RunningConsumer(transport, topic, group, before))
        {
            await KafkaTestBed.SendAllAsync(transport, Enumerable.Range(0, 50).Select(i => KafkaTestBed.Envelope(topic, $"k{i % 5}", $"old-{i}")));
            await KafkaTestBed.WaitUntilAsync(() => before.Processed.Count == 50, "the first run processes its messages");
        }
        await KafkaTestBed.SendAllAsync(transport, Enumerable.Range(0, 10).Select(i => KafkaTestBed.Envelope(topic, $"k{i % 5}", $"new-{i}")));
        await using (new RunningConsumer(transport, topic, group, after))
        {
            await KafkaTestBed.WaitUntilAsync(() => after.Processed.Count >= 10, "the second run processes the new messages");
            await Task.Delay(300);
        }

        Assert.Equal(50, before.ProcessedIds.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"new-{i}").Order(StringComparer.Ordinal), after.ProcessedIds.Order(StringComparer.Ordinal));
    }
}
