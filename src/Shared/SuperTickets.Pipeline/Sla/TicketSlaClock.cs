using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Sla;

/// <summary>
/// Keeps a ticket's stored SLA clock (ticket_sla) right as the ticket changes, measuring in the business calendar
/// of its policy:
/// <list type="bullet">
/// <item>Waiting on the customer or solved: the clock stops. Solving meets every target not yet breached.</item>
/// <item>Resuming: each running target gets back exactly the business time it had left when the clock stopped, so
/// nights, weekends and holidays spent waiting never count and a breached target stays breached.</item>
/// <item>Reopening a solved ticket runs the resolution target again from where it stopped (first response stands);
/// a ticket answered automatically has no clock yet and starts a fresh one when the customer comes back.</item>
/// <item>A priority change picks the policy again; a policy edit applies its new targets. Either way the business
/// time already consumed counts against the new target.</item>
/// </list>
/// </summary>
public sealed class TicketSlaClock(TicketSlaStore store, CustomerStore customers, SlaCatalog catalog, SlaPlanner planner, TimeProvider clock)
{
    public Task PauseAsync(DbSession session, long ticketId, CancellationToken ct) => store.PauseAsync(session, ticketId, ct);

    /// <summary>The ticket is solved: targets still within their deadline are met, late ones breached; the clock stops.</summary>
    public async Task SolveAsync(DbSession session, long ticketId, CancellationToken ct)
    {
        if (await store.GetAsync(session, ticketId, ct) is not { } sla)
        {
            return;
        }
        var now = clock.GetUtcNow();
        var stoppedAt = sla.PausedAt ?? now;
        await store.SetAsync(session, sla with
        {
            FirstResponseState = Verdict(sla.FirstResponseState, sla.FirstResponseDue, stoppedAt),
            ResolutionState = Verdict(sla.ResolutionState, sla.ResolutionDue, stoppedAt),
            PausedAt = stoppedAt,
        }, TimeSpan.Zero, ct);

        static string Verdict(string state, DateTimeOffset due, DateTimeOffset at) =>
            state is SlaStates.Met or SlaStates.Breached ? state : due < at ? SlaStates.Breached : SlaStates.Met;
    }

    public async Task ResumeAsync(DbSession session, long ticketId, CancellationToken ct)
    {
        if (await store.GetAsync(session, ticketId, ct) is not { PausedAt: { } since } sla)
        {
            return;
        }
        var snapshot = await catalog.GetAsync(ct);
        var calendar = snapshot.Find(sla.PolicyId) is { } policy ? snapshot.CalendarFor(policy) : BusinessCalendar.AlwaysOpen;
        var now = clock.GetUtcNow();
        await store.SetAsync(session, sla with
        {
            FirstResponseDue = Resumed(sla.FirstResponseState, sla.FirstResponseDue, since, now, calendar),
            ResolutionDue = Resumed(sla.ResolutionState, sla.ResolutionDue, since, now, calendar),
            PausedAt = null,
        }, now - since, ct);
    }

    /// <summary>A solved ticket is open again: the resolution target runs on, or a ticket without a clock gets one.</summary>
    public async Task ReopenAsync(DbSession session, TicketRecord ticket, CancellationToken ct)
    {
        if (await store.GetAsync(session, ticket.Id, ct) is not { } sla)
        {
            if (await planner.PlanAsync(ticket.Priority, ticket.Category, await TierAsync(session, ticket, ct), clock.GetUtcNow(), ct) is { } plan)
            {
                await store.StartAsync(session, ticket.Id, plan.Policy.Id, plan.FirstResponseDue, plan.ResolutionDue, ct);
            }
            return;
        }
        if (sla.ResolutionState == SlaStates.Met)
        {
            await store.SetAsync(session, sla with { ResolutionState = SlaStates.Ok }, TimeSpan.Zero, ct);
        }
        await ResumeAsync(session, ticket.Id, ct);
    }

    /// <summary>The ticket's priority changed: its policy is chosen again and the deadlines follow the new targets.</summary>
    public async Task ChangePriorityAsync(DbSession session, TicketRecord ticket, string priority, CancellationToken ct)
    {
        if (await store.GetAsync(session, ticket.Id, ct) is not { } sla)
        {
            return;
        }
        var snapshot = await catalog.GetAsync(ct);
        if (snapshot.Find(sla.PolicyId) is { } current && snapshot.Resolve(priority, ticket.Category, await TierAsync(session, ticket, ct)) is { } next)
        {
            await store.SetAsync(session, Retarget(sla, current, snapshot.CalendarFor(current), next, snapshot.CalendarFor(next), clock.GetUtcNow()), TimeSpan.Zero, ct);
        }
    }

    /// <summary>A policy was edited: every unsolved ticket under it moves to the new targets. Returns how many.</summary>
    public async Task<int> ApplyPolicyEditAsync(DbSession session, SlaPolicy before, SlaPolicy after, CancellationToken ct)
    {
        if (before.FirstResponse == after.FirstResponse && before.Resolution == after.Resolution
            && before.UseBusinessHours == after.UseBusinessHours && before.CalendarId == after.CalendarId)
        {
            return 0;
        }
        var snapshot = await catalog.GetAsync(ct);
        var (from, to) = (snapshot.CalendarFor(before), snapshot.CalendarFor(after));
        var now = clock.GetUtcNow();
        var rows = await store.ListUnsolvedAsync(session, before.Id, ct);
        foreach (var sla in rows)
        {
            await store.SetAsync(session, Retarget(sla, before, from, after, to, now), TimeSpan.Zero, ct);
        }
        return rows.Count;
    }

    private async Task<string> TierAsync(DbSession session, TicketRecord ticket, CancellationToken ct) =>
        (await customers.FindAsync(session, ticket.CustomerEmail, ct))?.Tier ?? "standard";

    /// <summary>Deadline of a target after a pause from <paramref name="since"/> to <paramref name="now"/>.</summary>
    internal static DateTimeOffset Resumed(string state, DateTimeOffset due, DateTimeOffset since, DateTimeOffset now, BusinessCalendar calendar) =>
        state == SlaStates.Met || due <= since ? due : calendar.AddBusinessTime(now, calendar.BusinessTimeBetween(since, due));

    /// <summary>Moves a clock from one policy's targets to another's, keeping the business time already consumed.</summary>
    internal static TicketSlaRecord Retarget(TicketSlaRecord sla, SlaPolicy from, BusinessCalendar fromCalendar, SlaPolicy to, BusinessCalendar toCalendar, DateTimeOffset now)
    {
        // A stopped clock is measured where it stopped; resuming it later moves the deadline on from there.
        var at = sla.PausedAt ?? now;
        var (firstDue, firstState) = Target(sla.FirstResponseState, sla.FirstResponseDue, from.FirstResponse, to.FirstResponse);
        var (resolutionDue, resolutionState) = Target(sla.ResolutionState, sla.ResolutionDue, from.Resolution, to.Resolution);
        return sla with
        {
            PolicyId = to.Id,
            FirstResponseDue = firstDue,
            FirstResponseState = firstState,
            ResolutionDue = resolutionDue,
            ResolutionState = resolutionState,
        };

        (DateTimeOffset Due, string State) Target(string state, DateTimeOffset due, TimeSpan oldTarget, TimeSpan newTarget)
        {
            if (state == SlaStates.Met)
            {
                return (due, state);
            }
            var left = due >= at ? fromCalendar.BusinessTimeBetween(at, due) : -fromCalendar.BusinessTimeBetween(due, at);
            var leftUnderNew = newTarget - (oldTarget - left);
            if (leftUnderNew <= TimeSpan.Zero)
            {
                // Already past the new deadline: due now, and a breach already recorded stands.
                return (at, state == SlaStates.Breached ? state : SlaStates.Ok);
            }
            // The sweep marks warnings and breaches again from here; thresholds already escalated do not fire twice.
            return (toCalendar.AddBusinessTime(at, leftUnderNew), SlaStates.Ok);
        }
    }
}
