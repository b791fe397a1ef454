using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SuperTickets.Data;

namespace SuperTickets.Admin.Health;

/// <summary>Ready when the database answers and the schema is migrated.</summary>
public sealed class DatabaseHealthCheck(DbConnectionFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await factory.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT MAX(version) FROM schema_migrations", cancellationToken: cancellationToken));
            return version is null
                ? HealthCheckResult.Unhealthy("database reachable but not migrated")
                : HealthCheckResult.Healthy($"{factory.Provider} schema version {version}");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{factory.Provider} unreachable: {ex.GetType().Name}");
        }
    }
}
