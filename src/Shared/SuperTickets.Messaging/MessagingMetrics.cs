using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SuperTickets.Messaging;

/// <summary>
/// What the consumers did, as <see cref="System.Diagnostics.Metrics"/> instruments of the meter
/// <see cref="MeterName"/>, each tagged with the consumer group: messages whose handler committed, redeliveries the
/// inbox skipped, batches that failed, and how long a batch took. Any exporter (OpenTelemetry, <c>dotnet-counters</c>)
/// or an in-process <see cref="MeterListener"/> can read them; counting costs nothing when nobody listens. The same
/// figures are also kept as running totals per consumer group (<see cref="Totals"/>), a few atomic adds per batch, for
/// readers without a listener of their own such as the admin API's <c>/metrics</c>.
/// </summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "SuperTickets.Messaging";
    public const string HandledName = "supertickets.messages.handled";
    public const string DuplicatesName = "supertickets.messages.duplicates";
    public const string FailedName = "supertickets.batches.failed";
    public const string BatchDurationName = "supertickets.batch.duration";
    public const string ConsumerTag = "consumer";

    private readonly Counter<long> _handled;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<string, ConsumerCounters> _totals = new(StringComparer.Ordinal);

    public MessagingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _handled = meter.CreateCounter<long>(HandledName, "{message}", "Messages whose handler ran and whose transaction committed.");
        _duplicates = meter.CreateCounter<long>(DuplicatesName, "{message}", "Redelivered messages the inbox had already seen; skipped.");
        _failed = meter.CreateCounter<long>(FailedName, "{batch}", "Batches whose handler or commit failed (they are retried or dead-lettered).");
        _duration = meter.CreateHistogram<double>(BatchDurationName, "s", "Time to prepare, handle and commit one batch.");
    }

    /// <summary>A batch committed: <paramref name="handled"/> messages took effect, <paramref name="duplicates"/> were skipped.</summary>
    public void Committed(string consumer, int handled, int duplicates, TimeSpan elapsed)
    {
        var tags = new TagList { { ConsumerTag, consumer } };
        _handled.Add(handled, tags);
        if (duplicates > 0)
        {
            _duplicates.Add(duplicates, tags);
        }
        _duration.Record(elapsed.TotalSeconds, tags);
        Counters(consumer).Committed(handled, duplicates, elapsed);
    }

    public void Failed(string consumer, TimeSpan elapsed)
    {
        var tags = new TagList { { ConsumerTag, consumer } };
        _failed.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
        Counters(consumer).Failed(elapsed);
    }

    /// <summary>Running totals since this process started, one entry per consumer group, ordered by group.</summary>
    public IReadOnlyList<ConsumerTotals> Totals() =>
        _totals.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Value.Read(t.Key)).ToArray();

    private ConsumerCounters Counters(string consumer) => _totals.GetOrAdd(consumer, static _ => new ConsumerCounters());

    private sealed class ConsumerCounters
    {
        private long _handled;
        private long _duplicates;
        private long _failed;
        private long _batches;
        private long _ticks;

        public void Committed(int handled, int duplicates, TimeSpan elapsed)
        {
            Interlocked.Add(ref _handled, handled);
            if (duplicates > 0)
            {
                Interlocked.Add(ref _duplicates, duplicates);
            }
            Batch(elapsed);
        }

        public void Failed(TimeSpan elapsed)
        {
            Interlocked.Increment(ref _failed);
            Batch(elapsed);
        }

        public ConsumerTotals Read(string consumer) => new(
            consumer, Interlocked.Read(ref _handled), Interlocked.Read(ref _duplicates), Interlocked.Read(ref _failed),
            Interlocked.Read(ref _batches), TimeSpan.FromTicks(Interlocked.Read(ref _ticks)));

        private void Batch(TimeSpan elapsed)
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _ticks, elapsed.Ticks);
        }
    }
}

/// <summary>
/// What one consumer group has done in this process: messages committed, redeliveries skipped, failed batches, and
/// every batch (committed or failed) with the time they took together.
/// </summary>
public sealed record ConsumerTotals(string Consumer, long Handled, long Duplicates, long FailedBatches, long Batches, TimeSpan BatchTime);
