using Microsoft.Extensions.Diagnostics.HealthChecks;
using SuperTickets.Data;

namespace SuperTickets.Admin.Health;

/// <summary>Each mailbox's status from the mailboxes table; degraded while any mailbox reports an error.</summary>
internal sealed class MailboxHealthCheck(MailboxStore mailboxes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<MailboxRecord> list;
        try
        {
            list = await mailboxes.ListAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"mailboxes unreadable: {ex.GetType().Name}");
        }
        var data = list.ToDictionary(m => m.Id, m => (object)m.Status);
        var failing = list.Where(m => m.Status is not ("active" or "paused")).Select(m => m.Id).ToList();
        var description = list.Count == 0
            ? "no mailboxes configured"
            : string.Join(", ", list.Select(m => $"{m.Id}: {m.Status}"));
        return failing.Count > 0
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}
