using SuperTickets.Contracts;

namespace SuperTickets.Messaging.Kafka.Tests;

public sealed class KafkaNamingTests
{
    [Fact]
    public void Topology_lists_main_retry_tiers_and_dead_letter_topic_for_every_contract_topic()
    {
        Assert.Equal(
            ["supertickets.email.received.v1", "supertickets.email.received.v1.retry.1", "supertickets.email.received.v1.retry.2", "supertickets.email.received.v1.dlq"],
            KafkaTopology.TopicsFor(Topics.EmailReceived, 2));
        var all = KafkaTopology.All(3);
        Assert.Equal(Topics.All.Count * 5, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void Native_library_loads_once_and_reports_a_librdkafka_2_version()
    {
        var version = KafkaNative.EnsureLoaded();

        Assert.Equal(version, KafkaNative.EnsureLoaded());
        Assert.StartsWith("2.", version, StringComparison.Ordinal);
    }

    [Fact]
    public void Transport_headers_are_told_apart_from_message_headers()
    {
        Assert.True(KafkaHeaders.IsTransportHeader(KafkaHeaders.RetryDueAt));
        Assert.True(KafkaHeaders.IsTransportHeader(MessageHeaders.DeadLetterAttempts));
        Assert.False(KafkaHeaders.IsTransportHeader(MessageHeaders.TraceParent));
        Assert.False(KafkaHeaders.IsTransportHeader(MessageHeaders.MessageId));
    }
}
