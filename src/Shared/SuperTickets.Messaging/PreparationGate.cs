using Microsoft.Extensions.Options;

namespace SuperTickets.Messaging;

/// <summary>
/// Bounds how many batches of the process do their local preparation at once
/// (<see cref="MessagingOptions.MaxConcurrentPreparations"/>; 0 means no bound). Where every transaction queues for
/// one writer (SQLite), preparation on every core slows the batch that holds the write lock, and every stage waits for
/// that batch. Only local work (reading, parsing, classifying, searching) enters the gate: a call to a remote service
/// waits outside it, so a slow language model or mail server does not hold up the other stages.
/// </summary>
public sealed class PreparationGate : IDisposable
{
    private readonly SemaphoreSlim? _slots;

    public PreparationGate(IOptions<MessagingOptions> options)
    {
        var limit = options.Value.MaxConcurrentPreparations;
        _slots = limit > 0 ? new SemaphoreSlim(limit, limit) : null;
    }

    /// <summary>Waits for a free slot; disposing the returned slot frees it.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken ct)
    {
        if (_slots is null)
        {
            return default;
        }
        await _slots.WaitAsync(ct);
        return new Slot(_slots);
    }

    public void Dispose() => _slots?.Dispose();

    public readonly struct Slot(SemaphoreSlim? slots) : IDisposable
    {
        public void Dispose() => slots?.Release();
    }
}
