using SuperTickets.Data.Admin;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SuperTickets.Data;
using Microsoft.Extensions.Options;
using SuperTickets.Messaging;
using SuperTickets.Messaging.Kafka;
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
        builder.Services.TryAddSingleton<SlaAdminStore>();
        builder.Services.TryAddSingleton<SlaCatalog>();
        builder.Services.TryAddSingleton<SlaPlanner>();
        builder.Services.TryAddSingleton<TicketSlaClock>();
        return builder;
    }

    /// <summary>
    /// The transport named by <c>Messaging:Transport</c>: <c>Kafka</c> (the default for workers) or
    /// <c>InProcess</c>. An unknown name stops start-up with a message naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddConfiguredTransport(this IHostApplicationBuilder builder)
    {
        var transport = builder.Configuration["Messaging:Transport"] ?? "Kafka";
        if (string.Equals(transport, "Kafka", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddKafkaTransport();
        }
        else if (string.Equals(transport, "InProcess", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddInProcessTransport();
        }
        else
        {
            throw new OptionsValidationException("Messaging:Transport", typeof(MessagingOptions),
                [$"Messaging:Transport '{transport}' is not supported; use Kafka or InProcess."]);
        }
        return builder;
    }

    private sealed class PipelineCoreMarker;
}
