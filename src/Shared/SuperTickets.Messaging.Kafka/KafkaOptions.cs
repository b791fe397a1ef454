using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Messaging.Kafka;

/// <summary>The "Kafka" configuration section.</summary>
public sealed class KafkaOptions : IValidatableObject
{
    public const string Section = "Kafka";

    /// <summary>Used when <see cref="RetryDelays"/> is not configured: three tiers.</summary>
    public static IReadOnlyList<TimeSpan> DefaultRetryDelays { get; } =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>Comma-separated host:port list of brokers.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kafka:BootstrapServers is required (for example \"kafka-1:9092,kafka-2:9092\").")]
    public string BootstrapServers { get; set; } = "";

    public string ClientId { get; set; } = "supertickets";

    /// <summary>
    /// Delay before each retry tier <c>&lt;topic&gt;.retry.N</c>; after the last tier a message is dead-lettered.
    /// Not set means <see cref="DefaultRetryDelays"/> (configuration cannot express an empty list).
    /// </summary>
    public TimeSpan[]? RetryDelays { get; set; }

    [Range(1, 10_000, ErrorMessage = "Kafka:MaxBatchSize must be between 1 and 10000.")]
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>
    /// Consumers of each main topic in this process. They join the topic's group as separate processes would and
    /// share its partitions, so one process works on several batches at once while others wait on the database (order
    /// per key holds: a partition belongs to one consumer at a time). More than the topic's partitions leaves some idle.
    /// </summary>
    [Range(1, MaxConsumersPerTopic, ErrorMessage = "Kafka:ConsumersPerTopic must be between 1 and 64.")]
    public int ConsumersPerTopic { get; set; } = 1;

    public const int MaxConsumersPerTopic = 64;

    /// <summary>How long a stopping consumer lets in-flight work finish, and the producer flush on dispose.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a stopping consumer that has not joined its group yet waits for its first assignment before closing.</summary>
    public TimeSpan JoinWaitOnClose { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Extra librdkafka settings applied to every client (for example "security.protocol"); they win over defaults.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<TimeSpan> EffectiveRetryDelays => RetryDelays is { Length: > 0 } delays ? delays : DefaultRetryDelays;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EffectiveRetryDelays.Any(d => d <= TimeSpan.Zero) || EffectiveRetryDelays.Count > 20)
        {
            yield return new ValidationResult("Kafka:RetryDelays must hold 1 to 20 positive durations.", [nameof(RetryDelays)]);
        }
        if (JoinWaitOnClose < TimeSpan.Zero)
        {
            yield return new ValidationResult("Kafka:JoinWaitOnClose must not be negative.", [nameof(JoinWaitOnClose)]);
        }
        if (DrainTimeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Kafka:DrainTimeout must be positive.", [nameof(DrainTimeout)]);
        }
    }
}
