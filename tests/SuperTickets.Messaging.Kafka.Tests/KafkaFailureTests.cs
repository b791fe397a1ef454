using System.Text;

namespace SuperTickets.Messaging.Kafka.Tests;

public sealed class KafkaFailureTests(MockClusterFixture broker) : IClassFixture<MockClusterFixture>
{
    [Fact]
    public async Task Transient_failure_succeeds_through_the_first_retry_topic()
    {
        var topic = KafkaTestBed.Unique("transient");
        var deadLetters = new RecordingDeadLetterSink();
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers), deadLetters);
        var processor = new RecordingProcessor
        {
            Fail = (e, attempt) => e.MessageId == "flaky" && attempt == 1 ? new TimeoutException("database busy") : null,
        };

        await KafkaTestBed.SendAllAsync(transport, [KafkaTestBed.Envelope(topic, "k", "flaky"), KafkaTestBed.Envelope(topic, "k", "next")]);
        await using (new RunningConsumer(transport, topic, KafkaTestBed.Unique("group"), processor))
        {
            await KafkaTestBed.WaitUntilAsync(() => processor.ProcessedIds.Contains("flaky"), "the flaky message succeeds");
        }

        Assert.Equal([("flaky", 1)], processor.Failed);
        var retried = Assert.Single(processor.Processed, p => p.Envelope.MessageId == "flaky");
        Assert.Equal(2, retried.Attempt);
        Assert.Equal(topic, retried.Envelope.Topic);
        Assert.Equal("k", retried.Envelope.Key);
        Assert.DoesNotContain(retried.Envelope.Headers.Keys, KafkaHeaders.IsTransportHeader);
        Assert.Contains(processor.Processed, p => p.Envelope.MessageId == "next" && p.Attempt == 1);
        Assert.Empty(deadLetters.Letters);
        var times = processor.Attempts.Where(a => a.MessageId == "flaky").Select(a => a.At).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(190), $"retried after {(times[1] - times[0]).TotalMilliseconds} ms");

        var scheduled = Assert.Single(KafkaTestBed.ReadTopic(broker.BootstrapServers, KafkaTopology.RetryTopic(topic, 1), 1));
        Assert.Equal("1", KafkaTestBed.HeaderText(scheduled.Message.Headers, KafkaHeaders.RetryAttempt));
        Assert.Equal(typeof(TimeoutException).FullName, KafkaTestBed.HeaderText(scheduled.Message.Headers, KafkaHeaders.RetryExceptionType));
        Assert.Equal(topic, KafkaTestBed.HeaderText(scheduled.Message.Headers, KafkaHeaders.RetryOriginalTopic));
    }

    [Fact]
    public async Task Permanent_failure_lands_in_the_dead_letter_topic_and_store_after_every_tier()
    {
        var topic = KafkaTestBed.Unique("permanent");
        var group = KafkaTestBed.Unique("group");
        var deadLetters = new RecordingDeadLetterSink();
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers), deadLetters);
        var processor = new RecordingProcessor
        {
            Fail = (e, _) => e.MessageId == "bad" ? new InvalidOperationException("ticket 42 is locked") : null,
        };

        await KafkaTestBed.SendAllAsync(transport, new[] { "before", "bad", "after" }.Select(id => KafkaTestBed.Envelope(topic, "k", id)));
        await using (new RunningConsumer(transport, topic, group, processor))
        {
            await KafkaTestBed.WaitUntilAsync(() => !deadLetters.Letters.IsEmpty, "the message is dead-lettered");
        }

        Assert.Equal(["before", "after"], processor.ProcessedIds);
        Assert.Equal([("bad", 1), ("bad", 2), ("bad", 3)], processor.Failed);
        var letter = Assert.Single(deadLetters.Letters);
        Assert.Equal("bad", letter.Envelope.MessageId);
        Assert.Equal(topic, letter.Envelope.Topic);
        Assert.Equal(group, letter.ConsumerGroup);
        Assert.Equal(typeof(InvalidOperationException).FullName, letter.ExceptionType);
        Assert.Equal("ticket 42 is locked", letter.ExceptionMessage);
        Assert.Equal(3, letter.Attempts);
        Assert.True(letter.FirstFailedAt <= letter.FailedAt);

        var record = Assert.Single(KafkaTestBed.ReadTopic(broker.BootstrapServers, KafkaTopology.DeadLetterTopic(topic), 1));
        var headers = record.Message.Headers;
        Assert.Equal("k", record.Message.Key);
        Assert.Equal("""{"id":"bad","key":"k"}""", Encoding.UTF8.GetString(record.Message.Value));
        Assert.Equal("bad", KafkaTestBed.HeaderText(headers, MessageHeaders.MessageId));
        Assert.Equal("corr-bad", KafkaTestBed.HeaderText(headers, MessageHeaders.CorrelationId));
        Assert.Equal(typeof(InvalidOperationException).FullName, KafkaTestBed.HeaderText(headers, MessageHeaders.DeadLetterExceptionType));
        Assert.Equal("ticket 42 is locked", KafkaTestBed.HeaderText(headers, MessageHeaders.DeadLetterExceptionMessage));
        Assert.Equal(topic, KafkaTestBed.HeaderText(headers, MessageHeaders.DeadLetterOriginalTopic));
        Assert.Equal(letter.OriginalPartition, KafkaTestBed.HeaderText(headers, MessageHeaders.DeadLetterOriginalPartition));
        Assert.Equal(letter.OriginalOffset, KafkaTestBed.HeaderText(headers, MessageHeaders.DeadLetterOriginalOffset));
        Assert.Equal("1", letter.OriginalOffset);
        Assert.Equal(group, KafkaTestBed.HeaderText(headers, MessageHeaders.DeadLetterConsumerGroup));
        Assert.Equal("3", KafkaTestBed.HeaderText(headers, MessageHeaders.DeadLetterAttempts));
        Assert.Equal(letter.FirstFailedAt, DateTimeOffset.Parse(KafkaTestBed.HeaderText(headers, MessageHeaders.DeadLetterFirstFailure), System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(headers.TryGetLastBytes(KafkaHeaders.RetryAttempt, out _));
    }

    [Fact]
    public async Task Poison_message_goes_straight_to_the_dead_letter_topic_without_stalling_its_partition()
    {
        var topic = KafkaTestBed.Unique("poison");
        var deadLetters = new RecordingDeadLetterSink();
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers), deadLetters);
        var processor = new RecordingProcessor
        {
            Fail = (e, _) => e.Payload.Span[0] != (byte)'{' ? new PoisonMessageException($"Message {e.MessageId} is not valid JSON") : null,
        };
        var after = Enumerable.Range(1, 20).Select(i => KafkaTestBed.Envelope(topic, "k", $"after-{i}")).ToList();

        await KafkaTestBed.SendAllAsync(transport, [KafkaTestBed.Envelope(topic, "k", "garbage", "\u0001not json"), .. after]);
        await using (new RunningConsumer(transport, topic, KafkaTestBed.Unique("group"), processor))
        {
            await KafkaTestBed.WaitUntilAsync(() => processor.Processed.Count == after.Count && !deadLetters.Letters.IsEmpty, "the partition drains");
        }

        Assert.Equal(after.Select(e => e.MessageId), processor.ProcessedIds);
        Assert.Equal([("garbage", 1)], processor.Failed);
        var letter = Assert.Single(deadLetters.Letters);
        Assert.Equal(1, letter.Attempts);
        Assert.Equal(typeof(PoisonMessageException).FullName, letter.ExceptionType);
        var record = Assert.Single(KafkaTestBed.ReadTopic(broker.BootstrapServers, KafkaTopology.DeadLetterTopic(topic), 1));
        Assert.Equal("\u0001not json", Encoding.UTF8.GetString(record.Message.Value));
        Assert.Equal("1", KafkaTestBed.HeaderText(record.Message.Headers, MessageHeaders.DeadLetterAttempts));
    }

    [Fact]
    public async Task Failures_parked_on_one_retry_partition_wait_for_their_delay_and_keep_their_order()
    {
        var topic = KafkaTestBed.Unique("parked");
        var delay = TimeSpan.FromSeconds(1);
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers, delay, delay));
        var processor = new RecordingProcessor
        {
            Fail = (e, attempt) => e.MessageId.StartsWith("slow", StringComparison.Ordinal) && attempt == 1 ? new TimeoutException("busy") : null,
        };
        var ids = Enumerable.Range(0, 8).Select(i => $"slow-{i}").ToList();

        await using (new RunningConsumer(transport, topic, KafkaTestBed.Unique("group"), processor))
        {
            await KafkaTestBed.SendAllAsync(transport, ids.Select(id => KafkaTestBed.Envelope(topic, "same-key", id)));
            await KafkaTestBed.WaitUntilAsync(() => processor.Processed.Count == ids.Count, "every message succeeds on retry");
        }

        Assert.Equal(ids, processor.ProcessedIds);
        Assert.All(processor.Processed, p => Assert.Equal(2, p.Attempt));
        foreach (var id in ids)
        {
            var times = processor.Attempts.Where(a => a.MessageId == id).Select(a => a.At).ToList();
            Assert.True(times[1] - times[0] >= delay - TimeSpan.FromMilliseconds(10), $"{id} retried after {(times[1] - times[0]).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task A_retry_belongs_to_the_group_that_failed_and_other_groups_skip_it()
    {
        var topic = KafkaTestBed.Unique("groups");
        var deadLetters = new RecordingDeadLetterSink();
        await using var transport = KafkaTestBed.Transport(KafkaTestBed.Options(broker.BootstrapServers), deadLetters);
        var failing = new RecordingProcessor { Fail = (_, attempt) => attempt == 1 ? new TimeoutException("busy") : null };
        var healthy = new RecordingProcessor();

        await KafkaTestBed.SendAllAsync(transport, [KafkaTestBed.Envelope(topic, "k", "shared")]);
        await using (new RunningConsumer(transport, topic, KafkaTestBed.Unique("failing"), failing))
        await using (new RunningConsumer(transport, topic, KafkaTestBed.Unique("healthy"), healthy))
        {
            await KafkaTestBed.WaitUntilAsync(() => !failing.Processed.IsEmpty && !healthy.Processed.IsEmpty, "both groups process the message");
            await Task.Delay(1000);
        }

        Assert.Equal([2], failing.Processed.Select(p => p.Attempt));
        Assert.Equal([1], healthy.Processed.Select(p => p.Attempt));
        Assert.Empty(deadLetters.Letters);
    }
}
