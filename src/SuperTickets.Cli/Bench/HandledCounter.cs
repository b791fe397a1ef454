using System.Diagnostics.Metrics;
using SuperTickets.Messaging;

namespace SuperTickets.Cli.Bench;

/// <summary>
/// Counts the messages one consumer group of one host has committed, from <see cref="MessagingMetrics"/>. A load run
/// waits on this instead of polling the database, so that waiting does not load the machine it measures.
/// </summary>
public sealed class HandledCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public HandledCounter(IMeterFactory meters, string consumer)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == MessagingMetrics.MeterName
                && instrument.Name == MessagingMetrics.HandledName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == MessagingMetrics.ConsumerTag && consumer.Equals(tag.Value))
                {
                    Interlocked.Add(ref _count, value);
                }
            }
        });
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Waits until <see cref="Count"/> reaches <paramref name="target"/>, looking every few milliseconds.</summary>
    public async Task WaitForAsync(long target, CancellationToken ct)
    {
        while (Count < target)
        {
            await Task.Delay(10, ct);
        }
    }

    public void Dispose() => _listener.Dispose();
}
