using Microsoft.Extensions.Options;
using SuperTickets.Messaging;

namespace SuperTickets.Messaging.Tests;

public sealed class PreparationGateTests
{
    [Fact]
    public async Task A_bound_of_one_lets_the_next_preparation_in_only_when_the_slot_is_freed()
    {
        var gate = Gate(1);
        var first = await gate.EnterAsync(default);
        var second = gate.EnterAsync(default).AsTask();

        await Task.Delay(50);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        (await gate.EnterAsync(default).AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task Without_a_bound_any_number_enter_at_once()
    {
        var gate = Gate(0);
        var slots = new List<PreparationGate.Slot>();
        for (var i = 0; i < 100; i++)
        {
            var entering = gate.EnterAsync(default);
            Assert.True(entering.IsCompleted);
            slots.Add(await entering);
        }
        slots.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task Concurrent_preparations_never_exceed_the_bound()
    {
        var gate = Gate(2);
        var inside = 0;
        var most = 0;
        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            using (await gate.EnterAsync(default))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(2);
                Interlocked.Decrement(ref inside);
            }
        })));

        Assert.Equal(2, most);
        Assert.Equal(0, inside);
    }

    [Fact]
    public async Task A_cancelled_wait_takes_no_slot()
    {
        var gate = Gate(1);
        var held = await gate.EnterAsync(default);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(cancel.Token).AsTask());

        held.Dispose();
        (await gate.EnterAsync(default).AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task A_freed_slot_goes_to_the_highest_priority_waiter_then_to_the_earliest()
    {
        var gate = Gate(1);
        var held = await gate.EnterAsync(default);
        var order = new List<string>();
        using var cancel = new CancellationTokenSource();
        // EnterAsync joins the queue before it returns, so the calls below arrive in this order.
        async Task Wait(string name, ValueTask<PreparationGate.Slot> entering)
        {
            using (await entering)
            {
                lock (order)
                {
                    order.Add(name);
                }
            }
        }

        var waiters = new List<Task>();
        foreach (var (name, priority) in new[] { ("ingest-1", 0), ("respond", 3), ("ingest-2", 0), ("resolve", 2) })
        {
            waiters.Add(Wait(name, gate.EnterAsync(priority, default)));
        }
        var withdrawn = Wait("withdrawn", gate.EnterAsync(2, cancel.Token));
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);

        held.Dispose();
        await Task.WhenAll(waiters).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["respond", "resolve", "ingest-1", "ingest-2"], order);
        (await gate.EnterAsync(default).AsTask().WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    private static PreparationGate Gate(int bound) =>
        new(Options.Create(new MessagingOptions { MaxConcurrentPreparations = bound }));

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var previous && previous != seen)
        {
            seen = previous;
        }
    }
}
