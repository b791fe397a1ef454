using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>The transport-independent parts: serializer, outbox relay, consumer host, options.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MessageSerializer>();
        services.TryAddSingleton<OutboxRelay>();
        services.TryAddSingleton<PreparationGate>();
        services.TryAddSingleton<HandlerResilience>();
        services.AddMetrics();
        services.TryAddSingleton<MessagingMetrics>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddHostedService<ConsumerHostedService>();
        return services;
    }

    public static IServiceCollection AddInProcessTransport(this IServiceCollection services)
    {
        services.TryAddSingleton<InProcessTransport>();
        services.TryAddSingleton<IMessageTransport>(sp => sp.GetRequiredService<InProcessTransport>());
        return services;
    }

    /// <summary>Declares a message type carried by the transport (used to name and read payloads).</summary>
    public static IServiceCollection AddMessageType<T>(this IServiceCollection services)
    {
        services.AddSingleton(new MessageTypeRegistration(typeof(T)));
        return services;
    }

    /// <summary>Subscribes <typeparamref name="THandler"/> to <paramref name="topic"/> as consumer group <paramref name="group"/>.</summary>
    public static IServiceCollection AddConsumer<T, THandler>(this IServiceCollection services, string topic, string group)
        where THandler : class, IMessageHandler<T>
    {
        services.AddMessageType<T>();
        services.TryAddScoped<THandler>();
        services.TryAddScoped<IMessageHandler<T>>(sp => sp.GetRequiredService<THandler>());
        if (typeof(IBatchPreparer<T>).IsAssignableFrom(typeof(THandler)))
        {
            services.TryAddScoped(sp => (IBatchPreparer<T>)sp.GetRequiredService<THandler>());
        }
        services.AddSingleton(new ConsumerRegistration(topic, group, typeof(T), sp =>
            new HandlerBatchProcessor<T>(
                sp.GetRequiredService<IServiceScopeFactory>(),
                sp.GetRequiredService<MessageSerializer>(),
                sp.GetRequiredService<OutboxRelay>(),
                sp.GetRequiredService<HandlerResilience>(),
                sp.GetRequiredService<MessagingMetrics>(),
                group,
                sp.GetRequiredService<ILogger<HandlerBatchProcessor<T>>>())));
        return services;
    }
}
