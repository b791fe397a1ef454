using Quartz;
using SuperTickets.Data.Sla;

namespace SuperTickets.Pipeline.Sla;

/// <summary>
/// The scheduled SLA sweep. Never runs twice at once in one scheduler (or cluster, with the ADO store); each run
/// is recorded in sla_sweep_runs with the node that ran it and the fire time it ran for.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SlaSweepJob(SlaSweeper sweeper, SlaSweepRunStore runs, TimeProvider clock) : IJob
{
    public const string Name = "sla-sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var fired = await sweeper.SweepAsync(cancellationToken);
        await runs.AddAsync(new SlaSweepRun
        {
            InstanceId = context.Scheduler.SchedulerInstanceId,
            ScheduledAt = context.ScheduledFireTimeUtc ?? context.FireTimeUtc,
            StartedAt = started,
            FinishedAt = clock.GetUtcNow(),
            Fired = fired,
        }, cancellationToken);
    }
}
