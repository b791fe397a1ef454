using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quartz;
using SuperTickets.Contracts;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Sla;

public static class SlaStageExtensions
{
    /// <summary>The Quartz-scheduled SLA sweep (in-memory store) emitting <see cref="Topics.SlaEvents"/>.</summary>
    public static IHostApplicationBuilder AddSlaStage(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineCore();
        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section).ValidateOnStart();
        builder.Services.AddMessageType<SlaEvent>();
        builder.Services.TryAddSingleton<SlaSweeper>();
        var interval = builder.Configuration.GetSection(SlaOptions.Section).GetValue<TimeSpan?>(nameof(SlaOptions.SweepInterval))
            ?? new SlaOptions().SweepInterval;
        builder.Services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.AddJob<SlaSweepJob>(j => j.WithIdentity(SlaSweepJob.Name));
            q.AddTrigger(t => t.ForJob(SlaSweepJob.Name).WithIdentity(SlaSweepJob.Name + "-trigger")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
