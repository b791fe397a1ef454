namespace SuperTickets.Sla;

/// <summary>The business calendars known to the SLA engine, by id, with a default for policies that name none.</summary>
public sealed class BusinessCalendarSet
{
    private readonly Dictionary<string, BusinessCalendar> _byId = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Creates the set. <paramref name="defaultId"/> names the calendar used by business-hours policies without a
    /// calendar id; when omitted the first calendar is the default (or <see cref="BusinessCalendar.AlwaysOpen"/> if none).
    /// </summary>
    public BusinessCalendarSet(IEnumerable<BusinessCalendar> calendars, string? defaultId = null)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        _byId[BusinessCalendar.AlwaysOpenId] = BusinessCalendar.AlwaysOpen;
        BusinessCalendar? first = null;
        foreach (var calendar in calendars)
        {
            if (calendar.Id != BusinessCalendar.AlwaysOpenId && !_byId.TryAdd(calendar.Id, calendar))
            {
                throw new ArgumentException($"Calendar id '{calendar.Id}' appears more than once.", nameof(calendars));
            }

            first ??= calendar;
        }

        Default = defaultId is null ? first ?? BusinessCalendar.AlwaysOpen : Get(defaultId);
    }

    /// <summary>A set holding only <see cref="BusinessCalendar.AlwaysOpen"/>.</summary>
    public static BusinessCalendarSet Empty { get; } = new([]);

    public BusinessCalendar Default { get; }

    /// <summary>The calendar with this id (case-insensitive).</summary>
    /// <exception cref="KeyNotFoundException">No calendar has this id.</exception>
    public BusinessCalendar Get(string id) =>
        _byId.TryGetValue(id, out var calendar)
            ? calendar
            : throw new KeyNotFoundException($"No business calendar with id '{id}'.");

    public bool TryGet(string id, out BusinessCalendar calendar)
    {
        var found = _byId.TryGetValue(id, out var value);
        calendar = value ?? BusinessCalendar.AlwaysOpen;
        return found;
    }

    /// <summary>
    /// The calendar a policy measures in: <see cref="BusinessCalendar.AlwaysOpen"/> unless it uses business hours,
    /// then its <see cref="SlaPolicy.CalendarId"/> or <see cref="Default"/>.
    /// </summary>
    public BusinessCalendar For(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.UseBusinessHours)
        {
            return BusinessCalendar.AlwaysOpen;
        }

        return policy.CalendarId is null ? Default : Get(policy.CalendarId);
    }
}
