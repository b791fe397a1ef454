using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

/// <summary>Every test class here shares one PostgreSQL server; each test gets its own database (or SQLite file).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "admin-postgres";
}
