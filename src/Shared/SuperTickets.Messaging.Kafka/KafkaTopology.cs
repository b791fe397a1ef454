using SuperTickets.Contracts;

namespace SuperTickets.Messaging.Kafka;

/// <summary>
/// Topic names the Kafka transport uses. Production clusters should create these up front (with the main topic's
/// partition count) rather than rely on broker auto-creation.
/// </summary>
public static class KafkaTopology
{
    public static string RetryTopic(string topic, int tier) => $"{topic}.retry.{tier}";

    public static string DeadLetterTopic(string topic) => $"{topic}.dlq";

    /// <summary>The main topic, its <paramref name="retryTiers"/> retry topics and its dead-letter topic.</summary>
    public static IReadOnlyList<string> TopicsFor(string topic, int retryTiers) =>
        [topic, .. Enumerable.Range(1, retryTiers).Select(tier => RetryTopic(topic, tier)), DeadLetterTopic(topic)];

    /// <summary>Every topic of the pipeline's contracts, with retry and dead-letter topics.</summary>
    public static IReadOnlyList<string> All(int retryTiers) =>
        [.. Topics.All.SelectMany(topic => TopicsFor(topic, retryTiers))];
}
