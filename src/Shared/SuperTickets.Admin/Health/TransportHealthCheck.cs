using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SuperTickets.Messaging;

namespace SuperTickets.Admin.Health;

/// <summary>The transport this process uses (if any) and the outbox backlog waiting to be relayed.</summary>
internal sealed class TransportHealthCheck(IServiceProvider services, IOutboxStore outbox) : IHealthCheck
{
    private const long DegradedBacklog = 10_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var transport = services.GetService<IMessageTransport>();
        long backlog;
        try
        {
            backlog = await outbox.CountAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"outbox unreadable: {ex.GetType().Name}");
        }
        var data = new Dictionary<string, object> { ["transport"] = transport?.Name ?? "none", ["outboxBacklog"] = backlog };
        var description = transport is null
            ? $"no transport in this process; {backlog} outbox messages wait for a worker's relay"
            : $"{transport.Name}; {backlog} outbox messages waiting";
        return backlog >= DegradedBacklog
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
