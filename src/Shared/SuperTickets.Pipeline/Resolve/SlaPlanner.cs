using SuperTickets.Pipeline.Sla;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>Chooses the SLA policy for a new (or newly reopened) ticket and computes its deadlines.</summary>
public sealed class SlaPlanner(SlaCatalog catalog)
{
    public async Task<(SlaPolicy Policy, DateTimeOffset FirstResponseDue, DateTimeOffset ResolutionDue)?> PlanAsync(
        string priority, string category, string customerTier, DateTimeOffset createdAt, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        if (snapshot.Resolve(priority, category, customerTier) is not { } policy)
        {
            return null;
        }
        var calendar = snapshot.CalendarFor(policy);
        return (policy, calendar.AddBusinessTime(createdAt, policy.FirstResponse), calendar.AddBusinessTime(createdAt, policy.Resolution));
    }

    /// <summary>Forgets cached policies and calendars (after admin edits).</summary>
    public void Invalidate() => catalog.Invalidate();
}
