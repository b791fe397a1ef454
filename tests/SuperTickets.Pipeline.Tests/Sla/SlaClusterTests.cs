using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using SuperTickets.Data.Sla;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Sla;
using SuperTickets.Testing;
using Xunit.Abstractions;

namespace SuperTickets.Pipeline.Tests.Sla;

public sealed class SlaClusterTests(PostgresServer postgres, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task Two_clustered_workers_run_each_sweep_once_never_at_the_same_time_and_hand_over_when_one_stops()
    {
        var connectionString = await postgres.CreateDatabaseAsync("sla_cluster");
        using var first = Worker(connectionString);
        using var second = Worker(connectionString);
        await first.StartAsync();
        await second.StartAsync();
        var runs = first.Services.GetRequiredService<SlaSweepRunStore>();
        await WaitForRunsAsync(runs, 3);
        var busy = (await runs.ListAsync(default))[^1].InstanceId;
        var (leaving, staying) = await InstanceIdAsync(first) == busy ? (first, second) : (second, first);
        await leaving.StopAsync();
        var handedOver = (await runs.ListAsync(default)).Count;
        await WaitForRunsAsync(runs, handedOver + 3);
        await staying.StopAsync();

        var recorded = await runs.ListAsync(default);
        Assert.True(recorded.Count >= 6, $"only {recorded.Count} sweeps ran");
        var runList = string.Join("; ", recorded.Select(r => $"{r.Id}:{r.InstanceId[^6..]}@{r.ScheduledAt:HH:mm:ss.fff}"));
        Assert.True(recorded.Count == recorded.Select(r => r.ScheduledAt).Distinct().Count(), $"a fire time ran twice: {runList}");
        var ordered = recorded.OrderBy(r => r.StartedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.True(ordered[i].StartedAt >= ordered[i - 1].FinishedAt, $"sweeps {ordered[i - 1].Id} and {ordered[i].Id} overlapped");
        }
        output.WriteLine($"{recorded.Count} sweeps on {recorded.Select(r => r.InstanceId).Distinct().Count()} node(s)");
        Assert.True(recorded.Select(r => r.InstanceId).Distinct().Count() == 2, $"the schedule was not handed over: {runList}");
    }

    private static async Task WaitForRunsAsync(SlaSweepRunStore runs, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await runs.ListAsync(default)).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<string> InstanceIdAsync(IHost host) =>
        (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler()).SchedulerInstanceId;

    private static IHost Worker(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = connectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Mail:SupportAddress"] = "support@nimbus.example",
            ["Mail:MessageIdDomain"] = "support.nimbus.example",
            ["Sla:SweepInterval"] = "00:00:00.500",
            ["Sla:Scheduler:Clustered"] = "true",
            ["Sla:Scheduler:CheckinInterval"] = "00:00:01",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddPipelineCore();
        builder.Services.AddInProcessTransport();
        builder.AddSlaStage();
        return builder.Build();
    }
}
