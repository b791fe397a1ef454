using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SuperTickets.Messaging.Kafka;

public static class KafkaServiceCollectionExtensions
{
    /// <summary>
    /// Uses Kafka as the <see cref="IMessageTransport"/>, configured from the "Kafka" section (validated at start).
    /// Needs an <see cref="IDeadLetterSink"/> registration and librdkafka on the machine.
    /// </summary>
    public static IServiceCollection AddKafkaTransport(this IServiceCollection services)
    {
        services.AddOptions<KafkaOptions>()
            .BindConfiguration(KafkaOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KafkaTransport>();
        services.TryAddSingleton<IMessageTransport>(sp => sp.GetRequiredService<KafkaTransport>());
        return services;
    }
}
