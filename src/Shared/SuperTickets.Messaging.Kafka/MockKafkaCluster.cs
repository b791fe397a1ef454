using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SuperTickets.Messaging.Kafka;

/// <summary>
/// librdkafka's built-in mock cluster: Kafka-protocol brokers on local TCP ports that any client, in any process,
/// can use (kcat included). Topics are created on first use. Everything is in memory and gone on dispose: a test
/// and development broker, never a production one.
/// </summary>
public sealed partial class MockKafkaCluster : IDisposable
{
    private readonly IAdminClient _host;

    private MockKafkaCluster(IAdminClient host, string bootstrapServers, int brokers)
    {
        _host = host;
        BootstrapServers = bootstrapServers;
        Brokers = brokers;
    }

    /// <summary>Comma-separated host:port list of the mock brokers.</summary>
    public string BootstrapServers { get; }

    public int Brokers { get; }

    /// <summary>Starts <paramref name="brokers"/> mock brokers and waits until their addresses are known.</summary>
    /// <exception cref="KafkaNativeLibraryException">librdkafka is not installed.</exception>
    /// <exception cref="InvalidOperationException">The brokers did not come up.</exception>
    public static MockKafkaCluster Start(int brokers = 3, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(brokers, 1);
        KafkaNative.EnsureLoaded();
        var log = logger ?? NullLogger.Instance;
        var config = new AdminClientConfig { ClientId = "supertickets-dev-broker" };
        config.Set("test.mock.num.brokers", brokers.ToString(CultureInfo.InvariantCulture));
        var host = new AdminClientBuilder(config)
            .SetLogHandler((_, message) => LogBroker(log, message.Facility, message.Message))
            .Build();
        try
        {
            var metadata = host.GetMetadata(TimeSpan.FromSeconds(10));
            var addresses = metadata.Brokers
                .OrderBy(b => b.BrokerId)
                .Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Host}:{b.Port}"))
                .ToList();
            if (addresses.Count == 0)
            {
                throw new InvalidOperationException("The mock Kafka cluster reported no brokers.");
            }
            return new MockKafkaCluster(host, string.Join(",", addresses), addresses.Count);
        }
        catch (KafkaException ex)
        {
            host.Dispose();
            throw new InvalidOperationException($"The mock Kafka cluster did not start: {ex.Error.Reason}", ex);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public void Dispose() => _host.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "mock broker {Facility}: {Text}")]
    private static partial void LogBroker(ILogger logger, string facility, string text);
}
