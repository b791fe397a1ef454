using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace SuperTickets.Messaging.Kafka.Tests;

public sealed class KafkaOptionsTests
{
    [Fact]
    public void Missing_bootstrap_servers_fails_validation_naming_the_key()
    {
        using var provider = Services(new Dictionary<string, string?>());

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KafkaOptions>>().Value);

        Assert.Contains("Kafka:BootstrapServers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_section_binds_retry_tiers_and_extra_settings_and_registers_the_transport()
    {
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "broker-1:9092,broker-2:9092",
            ["Kafka:RetryDelays:0"] = "00:00:01",
            ["Kafka:RetryDelays:1"] = "00:00:10",
            ["Kafka:MaxBatchSize"] = "32",
            ["Kafka:Settings:security.protocol"] = "ssl",
        });

        var options = provider.GetRequiredService<IOptions<KafkaOptions>>().Value;

        Assert.Equal("broker-1:9092,broker-2:9092", options.BootstrapServers);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)], options.EffectiveRetryDelays);
        Assert.Equal(32, options.MaxBatchSize);
        Assert.Equal("ssl", options.Settings["security.protocol"]);
        Assert.Equal("ssl", KafkaClients.ConsumerConfig(options, "g").Get("security.protocol"));
        Assert.Equal("lz4", KafkaClients.ProducerConfig(options).Get("compression.type"));
        Assert.IsType<KafkaTransport>(provider.GetRequiredService<IMessageTransport>());
    }

    [Fact]
    public void Unset_retry_delays_mean_three_default_tiers_and_non_positive_delays_are_rejected()
    {
        Assert.Equal(KafkaOptions.DefaultRetryDelays, new KafkaOptions().EffectiveRetryDelays);
        Assert.Equal(3, KafkaOptions.DefaultRetryDelays.Count);
        using var provider = Services(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "broker:9092",
            ["Kafka:RetryDelays:0"] = "00:00:00",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<KafkaOptions>>().Value);

        Assert.Contains("Kafka:RetryDelays", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IDeadLetterSink, RecordingDeadLetterSink>();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILoggerFactory), NullLoggerFactory.Instance);
        services.AddKafkaTransport();
        return services.BuildServiceProvider();
    }
}
