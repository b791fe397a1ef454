using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SuperTickets.Messaging;

/// <summary>
/// What the consumers did, as <see cref="System.Diagnostics.Metrics"/> instruments of the meter
/// <see cref="MeterName"/>, each tagged with the consumer group: messages whose handler committed, redeliveries the
/// inbox skipped, batches that failed, and how long a batch took. Any exporter (OpenTelemetry, <c>dotnet-counters</c>)
/// or an in-process <see cref="MeterListener"/> can read them; counting costs nothing when nobody listens.
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
    }

    public void Failed(string consumer, TimeSpan elapsed)
    {
        var tags = new TagList { { ConsumerTag, consumer } };
        _failed.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}

