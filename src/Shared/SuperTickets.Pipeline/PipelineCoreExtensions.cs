using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Hosting;

namespace SuperTickets.Pipeline;

public static class PipelineCoreExtensions
{
    /// <summary>What every stage needs: data access (migrated first when configured), messaging, mail identity.</summary>
    public static IHostApplicationBuilder AddPipelineCore(this IHostApplicationBuilder builder)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(PipelineCoreMarker)))
        {
            return builder;
        }
        builder.Services.AddSingleton<PipelineCoreMarker>();
        builder.Services.AddDataAccess();
        builder.Services.AddHostedService<DatabaseMigrationService>();
        builder.Services.AddMessaging();
        builder.Services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<PipelineIdleProbe>();
        return builder;
    }

    private sealed class PipelineCoreMarker;
}
