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

    /// <summary>
    /// The transport named by <c>Messaging:Transport</c>. Only <c>InProcess</c> exists in this build of a
    /// standalone worker; an unknown name stops start-up with a message naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddConfiguredTransport(this IHostApplicationBuilder builder)
    {
        var transport = builder.Configuration["Messaging:Transport"] ?? "InProcess";
        if (!string.Equals(transport, "InProcess", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Messaging:Transport '{transport}' is not supported; use InProcess.");
        }
        builder.Services.AddInProcessTransport();
        return builder;
    }

    private sealed class PipelineCoreMarker;
}
