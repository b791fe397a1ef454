using Microsoft.Extensions.Options;

namespace SuperTickets.Messaging;

/// <summary>
/// Bounds how many batches of the process do their local preparation at once
/// (<see cref="MessagingOptions.MaxConcurrentPreparations"/>; 0 means no bound). Where every transaction queues for
/// one writer (SQLite), preparation on every core slows the batch that holds the write lock, and every stage waits for
/// that batch. Only local work (reading, parsing, classifying, searching) enters the gate: a call to a remote service
/// waits outside it, so a slow language model or mail server does not hold up the other stages.
/// <para>
/// A free slot goes to the waiter with the highest priority, first come first served among equals. Stages further
/// down the pipeline ask with a higher one: finishing the emails already taken in before taking in more keeps the
/// backlog, and so the time from receipt to reply, from growing while ingestion outpaces the rest.
/// </para>
/// </summary>
public sealed class PreparationGate
{
    private readonly object _sync = new();
    private readonly bool _bounded;
    private readonly List<Waiter> _waiting = []; // highest priority first, then by arrival
    private int _free;

    public PreparationGate(IOptions<MessagingOptions> options)
    {
        _free = options.Value.MaxConcurrentPreparations;
        _bounded = _free > 0;
    }

    /// <summary>Waits for a free slot at the lowest priority; disposing the returned slot frees it.</summary>
    public ValueTask<Slot> EnterAsync(CancellationToken ct) => EnterAsync(0, ct);

    /// <summary>Waits for a free slot, ahead of every waiter of a lower <paramref name="priority"/>; disposing the returned slot frees it.</summary>
    public ValueTask<Slot> EnterAsync(int priority, CancellationToken ct)
    {
        if (!_bounded)
        {
            return ValueTask.FromResult(default(Slot));
        }
        ct.ThrowIfCancellationRequested();
        var waiter = new Waiter(priority);
        lock (_sync)
        {
            if (_free > 0)
            {
                _free--;
                return ValueTask.FromResult(new Slot(this));
            }
            var at = _waiting.FindIndex(w => w.Priority < priority);
            _waiting.Insert(at < 0 ? _waiting.Count : at, waiter);
        }
        return WaitAsync(waiter, ct);
    }

    private async ValueTask<Slot> WaitAsync(Waiter waiter, CancellationToken ct)
    {
        await using (ct.Register(static state =>
        {
            var (gate, waiter) = ((PreparationGate, Waiter))state!;
            gate.Cancel(waiter);
        }, (this, waiter)))
        {
            await waiter.Granted.Task;
        }
        return new Slot(this);
    }

    /// <summary>Withdraws a waiter that has not been given a slot yet (one that has keeps it, and frees it as usual).</summary>
    private void Cancel(Waiter waiter)
    {
        lock (_sync)
        {
            if (!_waiting.Remove(waiter))
            {
                return;
            }
        }
        waiter.Granted.TrySetCanceled();
    }

    private void Release()
    {
        Waiter next;
        lock (_sync)
        {
            if (_waiting.Count == 0)
            {
                _free++;
                return;
            }
            next = _waiting[0];
            _waiting.RemoveAt(0);
        }
        next.Granted.TrySetResult();
    }

    private sealed class Waiter(int priority)
    {
        public int Priority { get; } = priority;

        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public readonly struct Slot(PreparationGate? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
