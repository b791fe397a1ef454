using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using SuperTickets.Contracts;
using SuperTickets.Data.Sla;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Sla;

public static class SlaStageExtensions
{
    /// <summary>
    /// The Quartz-scheduled SLA sweep emitting <see cref="Topics.SlaEvents"/> with its escalation actions, and the
    /// consumer posting those events to the escalation webhooks. The schedule is in memory, or in PostgreSQL and
    /// shared by every SLA worker when <c>Sla:Scheduler:Clustered</c> is true. Fire times lie on a grid anchored at
    /// midnight UTC, so every node declares the same schedule; in a cluster the stored schedule is kept as it is when
    /// another node joins (a changed <c>Sla:SweepInterval</c> needs the stored trigger removed first).
    /// </summary>
    public static IHostApplicationBuilder AddSlaStage(this IHostApplicationBuilder builder)
    {
        builder.AddPipelineCore();
        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlaOptions>, SlaOptionsValidator>());
        builder.Services.AddMessageType<SlaEvent>();
        builder.Services.AddMessageType<TicketEvent>();
        builder.Services.AddMessageType<ReplyRequested>();
        builder.Services.TryAddSingleton<SlaSweeper>();
        builder.Services.TryAddSingleton<SlaEscalator>();
        builder.Services.TryAddSingleton<SlaSweepRunStore>();
        builder.Services.TryAddSingleton<SlaWebhookDeliveryStore>();
        builder.Services.TryAddSingleton<SlaWebhookClient>();
        builder.Services.AddHttpClient(SlaWebhookClient.HttpClientName);
        builder.Services.AddConsumer<SlaEvent, SlaWebhookNotifier>(Topics.SlaEvents, "sla-webhooks");

        var section = builder.Configuration.GetSection(SlaOptions.Section);
        var settings = section.Get<SlaOptions>() ?? new SlaOptions();
        builder.Services.AddQuartz(q =>
        {
            if (settings.Scheduler.Clustered)
            {
                q.ConfigureScheduler(o =>
                {
                    o.InstanceName = settings.Scheduler.Name;
                    o.GenerateInstanceId = true;
                });
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(ConnectionString(builder.Configuration));
                    s.UseClustering(c => c.CheckinInterval = settings.Scheduler.CheckinInterval);
                    s.UseSystemTextJsonSerializer();
                });
            }
            else
            {
                q.UseInMemoryStore();
            }
            q.AddJob<SlaSweepJob>(j => j.WithIdentity(SlaSweepJob.Name).StoreDurably());
            q.AddTrigger(t => t.ForJob(SlaSweepJob.Name).WithIdentity(SlaSweepJob.Name + "-trigger")
                .StartAt(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero)).WithSimpleSchedule(s => s.WithInterval(settings.SweepInterval).RepeatForever()));
        });
        if (settings.Scheduler.Clustered)
        {
            builder.Services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        }
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    private static string ConnectionString(IConfiguration configuration) =>
        configuration["Database:ConnectionString"] ?? configuration.GetConnectionString("Postgres")
        ?? throw new OptionsValidationException("Database:ConnectionString", typeof(SlaOptions),
            ["Sla:Scheduler:Clustered needs Database:ConnectionString (or ConnectionStrings:Postgres)."]);
}
