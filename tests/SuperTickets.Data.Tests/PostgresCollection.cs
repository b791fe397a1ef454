using Xunit;

using SuperTickets.Testing;

namespace SuperTickets.Data.Tests;

/// <summary>Test classes in this collection share one PostgreSQL server; each test makes its own database.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
