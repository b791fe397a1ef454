using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>
/// The multi-process tests share one throw-away PostgreSQL cluster (a database per test) and run one at a time:
/// each starts its own mock Kafka cluster and several worker processes.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DistributedCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "Distributed";
}
