using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 64;

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan RelayFlushInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan RelaySweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RelayLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Relay every pending outbox row at start-up, however fresh. Right for a single process (the embedded run);
    /// with several relays sharing a database, fresh rows belong to the process that wrote them.
    /// </summary>
    public bool ReclaimFreshRowsOnStart { get; set; }

    [Range(1, 100_000)]
    public int RelayDeleteBatch { get; set; } = 256;

    [Range(1, 100_000)]
    public int RelaySweepBatch { get; set; } = 1000;

    /// <summary>
    /// Batches of this process that do their local preparation at once, across all consumers and ingestion (0: no
    /// bound). With SQLite one writer at a time commits, so leave that writer a core: the embedded run uses one less
    /// than the processor count.
    /// </summary>
    [Range(0, 1024)]
    public int MaxConcurrentPreparations { get; set; }

    /// <summary>Partitions per topic in the in-process transport (per-key order holds within a partition).</summary>
    [Range(1, 256)]
    public int InProcessPartitions { get; set; } = 4;
}
