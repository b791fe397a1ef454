using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace SuperTickets.Messaging.Tests;

public sealed class MessagingMetricsTests
{
    [Fact]
    public async Task Totals_count_every_batch_of_every_group_exactly_under_concurrent_commits()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new MessagingMetrics(services.GetRequiredService<IMeterFactory>());
        string[] groups = ["respond", "triage"];

        await Parallel.ForEachAsync(Enumerable.Range(0, 8), async (worker, _) =>
        {
            await Task.Yield();
            for (var i = 0; i < 5_000; i++)
            {
                var group = groups[(worker + i) % 2];
                if (i % 100 == 99)
                {
                    metrics.Failed(group, TimeSpan.FromTicks(3));
                }
                else
                {
                    metrics.Committed(group, handled: 2, duplicates: i % 10 == 0 ? 1 : 0, TimeSpan.FromTicks(5));
                }
            }
        });

        var totals = metrics.Totals();
        Assert.Equal(groups, totals.Select(t => t.Consumer));
        foreach (var t in totals)
        {
            // per group: 8 workers x 2,500 batches, of which 8 x 25 failed and 8 x 250 had one duplicate
            Assert.Equal(2 * (20_000 - 200), t.Handled);
            Assert.Equal(2_000, t.Duplicates);
            Assert.Equal(200, t.FailedBatches);
            Assert.Equal(20_000, t.Batches);
            Assert.Equal(TimeSpan.FromTicks(5 * 19_800 + 3 * 200), t.BatchTime);
        }
    }

    [Fact]
    public async Task Totals_are_empty_before_any_batch()
    {
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();

        Assert.Empty(new MessagingMetrics(services.GetRequiredService<IMeterFactory>()).Totals());
    }
}
