using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Sla;

/// <summary>
/// The SLA policies and business calendars as stored, turned into the engine's types. Every process reads them
/// through this cache: edits made in this process apply at once (<see cref="Invalidate"/>), edits made through
/// another process within <see cref="RefreshInterval"/>.
/// </summary>
public sealed class SlaCatalog(SlaPolicyStore policies, SlaAdminStore calendars, TimeProvider clock)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile SlaCatalogSnapshot? _current;

    public async ValueTask<SlaCatalogSnapshot> GetAsync(CancellationToken ct)
    {
        if (Fresh(_current) is { } ready)
        {
            return ready;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(_current) is { } loaded)
            {
                return loaded;
            }
            var calendarSet = SlaCalendars.Build(await calendars.ListCalendarsAsync(ct));
            var policySet = new SlaPolicySet((await policies.ListAsync(ct)).Select(ToPolicy));
            return _current = new SlaCatalogSnapshot(policySet, calendarSet, clock.GetUtcNow());
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Forgets the cached policies and calendars (after an edit in this process).</summary>
    public void Invalidate() => _current = null;

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

    private SlaCatalogSnapshot? Fresh(SlaCatalogSnapshot? snapshot) =>
        snapshot is not null && clock.GetUtcNow() - snapshot.LoadedAt < RefreshInterval ? snapshot : null;
}

/// <summary>One consistent view of the stored policies and calendars.</summary>
public sealed record SlaCatalogSnapshot(SlaPolicySet Policies, BusinessCalendarSet Calendars, DateTimeOffset LoadedAt)
{
    /// <summary>
    /// The policy for a ticket: the most specific stored match, else the built-in default for the priority (used
    /// only while nothing is stored for it; such tickets get deadlines but no escalations).
    /// </summary>
    public SlaPolicy? Resolve(string priority, string? category, string? customerTier) =>
        Policies.Resolve(priority, category, customerTier) ?? SlaPolicySet.Defaults.Resolve(priority);

    /// <summary>A stored policy by id, or the built-in default with that id.</summary>
    public SlaPolicy? Find(string id) => Policies.Find(id) ?? SlaPolicySet.Defaults.Find(id);

    /// <summary>The calendar a policy measures its targets in.</summary>
    public BusinessCalendar CalendarFor(SlaPolicy policy) => Calendars.For(policy);
}
