using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SuperTickets.Messaging;

namespace SuperTickets.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Connection factory, unit of work, stores and the migration runner for the configured provider.</summary>
    public static IServiceCollection AddDataAccess(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) =>
                o.ConnectionString ??= configuration.GetConnectionString(o.Provider == DbProvider.Postgres ? "Postgres" : "Sqlite"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new DbConnectionFactory(options.Provider!.Value, options.ConnectionString!);
        });
        services.TryAddScoped<DbSession>();
        services.TryAddScoped<IMessageUnitOfWork, DbMessageUnitOfWork>();
        services.TryAddSingleton<IOutboxStore, OutboxStore>();
        services.TryAddSingleton<DeadLetterStore>();
        services.TryAddSingleton<IDeadLetterSink>(sp => sp.GetRequiredService<DeadLetterStore>());
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<MailboxStore>();
        services.TryAddSingleton<EmailStore>();
        services.TryAddSingleton<CustomerStore>();
        services.TryAddSingleton<TicketStore>();
        services.TryAddSingleton<TicketIdReservations>();
        services.TryAddSingleton<TicketSlaStore>();
        services.TryAddSingleton<AgentStore>();
        services.TryAddSingleton<KbStore>();
        services.TryAddSingleton<SlaPolicyStore>();
        services.TryAddSingleton<OutboundEmailStore>();
        services.TryAddSingleton<InteractionLog>();
        services.TryAddSingleton<SummaryQueries>();
        services.AddHostedService<TableStatisticsRefresher>();
        return services;
    }
}
