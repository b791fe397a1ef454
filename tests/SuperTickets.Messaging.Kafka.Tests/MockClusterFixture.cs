namespace SuperTickets.Messaging.Kafka.Tests;

/// <summary>A three-broker mock cluster per test class (classes run in parallel); each test uses its own topics and groups.</summary>
public sealed class MockClusterFixture : IDisposable
{
    public MockKafkaCluster Cluster { get; } = MockKafkaCluster.Start(brokers: 3);

    public string BootstrapServers => Cluster.BootstrapServers;

    public void Dispose() => Cluster.Dispose();
}
