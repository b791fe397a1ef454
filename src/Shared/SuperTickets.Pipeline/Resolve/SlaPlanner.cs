using SuperTickets.Data;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>Chooses the SLA policy for a new ticket and computes its deadlines.</summary>
public sealed class SlaPlanner(SlaPolicyStore store, BusinessCalendarSet calendars)
{
    private SlaPolicySet? _policies;

    public async Task<(SlaPolicy Policy, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue)?> PlanAsync(
        string priority, string category, string customerTier, DateTimeOffset createdAt, CancellationToken ct)
    {
        _policies ??= new SlaPolicySet((await store.ListAsync(ct)).Select(ToPolicy));
        var policy = _policies.Resolve(priority, category, customerTier) ?? SlaPolicySet.Defaults.Resolve(priority);
        if (policy is null)
        {
            return null;
        }
        var calendar = calendars.For(policy);
        return (policy, calendar.AddBusinessTime(createdAt, policy.FirstResponse), calendar.AddBusinessTime(createdAt, policy.Resolution));
    }

    /// <summary>Forgets cached policies (after admin edits).</summary>
    public void Invalidate() => _policies = null;

    public static SlaPolicy ToPolicy(SlaPolicyRecord r) => new()
    {
        Id = r.Id,
        Name = r.Name,
        Priority = r.Priority,
        Category = r.Category,
        CustomerTier = r.CustomerTier,
        FirstResponse = TimeSpan.FromMinutes(r.FirstResponseMinutes),
        Resolution = TimeSpan.FromMinutes(r.ResolutionMinutes),
        WarningFraction = r.WarningFraction,
        UseBusinessHours = r.UseBusinessHours,
        CalendarId = r.CalendarId,
        Enabled = r.Enabled,
    };
}
