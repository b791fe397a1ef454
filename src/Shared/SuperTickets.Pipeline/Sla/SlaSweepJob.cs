using Quartz;

namespace SuperTickets.Pipeline.Sla;

/// <summary>The scheduled SLA sweep. Never runs twice at once in one scheduler (or cluster, with the ADO store).</summary>
[DisallowConcurrentExecution]
public sealed class SlaSweepJob(SlaSweeper sweeper) : IJob
{
    public const string Name = "sla-sweep";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweeper.SweepAsync(cancellationToken);
}
