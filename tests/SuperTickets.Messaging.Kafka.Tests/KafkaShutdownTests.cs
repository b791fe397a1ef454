namespace SuperTickets.Messaging.Kafka.Tests;

public sealed class KafkaShutdownTests(MockClusterFixture broker) : IClassFixture<MockClusterFixture>
{
    [Fact]
    public async Task Stopping_lets_the_batch_in_flight_finish_and_commits_it()
    {
        var topic = KafkaTestBed.Unique("drain");
        var group = KafkaTestBed.Unique("group");
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        var slow = new SlowProcessor(TimeSpan.FromMilliseconds(800));
        var next = new RecordingProcessor();

        await KafkaTestBed.SendAllAsync(transport, Enumerable.Range(0, 5).Select(i => KafkaTestBed.Envelope(topic, "k", $"m-{i}")));
        await using (new RunningConsumer(transport, topic, group, slow))
        {
            await slow.Started.Task.WaitAsync(KafkaTestBed.Patience);
        }
        var finishedAtStop = slow.Finished.ToList();
        await KafkaTestBed.SendAllAsync(transport, [KafkaTestBed.Envelope(topic, "k", "after-restart")]);
        await using (new RunningConsumer(transport, topic, group, next))
        {
            await KafkaTestBed.WaitUntilAsync(() => next.ProcessedIds.Contains("after-restart"), "the restarted group reaches the new message");
        }

        Assert.NotEmpty(finishedAtStop);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"m-{i}"), [.. finishedAtStop, .. next.ProcessedIds.SkipLast(1)]);
        Assert.DoesNotContain(next.ProcessedIds, finishedAtStop.Contains);
    }

    [Fact]
    public async Task Work_still_running_after_the_drain_timeout_is_cancelled_and_delivered_again()
    {
        var topic = KafkaTestBed.Unique("expired");
        var group = KafkaTestBed.Unique("group");
        var options = KafkaTestBed.Options(broker.BootstrapServers);
        options.DrainTimeout = TimeSpan.FromMilliseconds(300);
        await using var transport = KafkaTestBed.Transport(options);
        var stuck = new SlowProcessor(TimeSpan.FromMinutes(5));
        var next = new RecordingProcessor();

        await KafkaTestBed.SendAllAsync(transport, [KafkaTestBed.Envelope(topic, "k", "stuck")]);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await using (new RunningConsumer(transport, topic, group, stuck))
        {
            await stuck.Started.Task.WaitAsync(KafkaTestBed.Patience);
            stopwatch.Restart();
        }
        var stopTime = stopwatch.Elapsed;
        await using (new RunningConsumer(transport, topic, group, next))
        {
            await KafkaTestBed.WaitUntilAsync(() => !next.Processed.IsEmpty, "the message is delivered again");
        }

        Assert.Empty(stuck.Finished);
        Assert.True(stopTime < TimeSpan.FromSeconds(15), $"stopping took {stopTime}: the drain deadline was not honoured");
        Assert.Equal(["stuck"], next.ProcessedIds);
    }

    [Fact]
    public async Task Consumers_stopped_right_after_starting_leave_the_group_and_lose_nothing()
    {
        var topic = KafkaTestBed.Unique("early-stop");
        var group = KafkaTestBed.Unique("group");
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers));
        await KafkaTestBed.SendAllAsync(transport, [KafkaTestBed.Envelope(topic, "k", "kept")]);
        var early = new RecordingProcessor();
        var next = new RecordingProcessor();

        // Stopped at once, while joining: librdkafka 2.0-2.2 abort the process when a cooperative-sticky consumer is
        // destroyed between joining and its first assignment, so each one first takes its assignment, then leaves.
        for (var i = 0; i < 3; i++)
        {
            await new RunningConsumer(transport, topic, group, early).DisposeAsync();
        }
        await using (new RunningConsumer(transport, topic, group, next))
        {
            await KafkaTestBed.WaitUntilAsync(() => early.ProcessedIds.Contains("kept") || next.ProcessedIds.Contains("kept"), "the group gets the message");
        }

        Assert.Equal(["kept"], [.. early.ProcessedIds, .. next.ProcessedIds]);
    }
}
