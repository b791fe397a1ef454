using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperTickets.Data;

namespace SuperTickets.Pipeline.Hosting;

/// <summary>Applies migrations before anything else starts, when <c>Database:MigrateOnStart</c> is set.</summary>
public sealed class DatabaseMigrationService(MigrationRunner runner, IOptions<DatabaseOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await runner.ApplyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
