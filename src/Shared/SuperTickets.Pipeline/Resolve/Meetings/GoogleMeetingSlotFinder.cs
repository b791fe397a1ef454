using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Sla;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>
/// Proposes the first free slot of the support calendar: asks Google's <c>freeBusy</c> for the calendar over the next
/// <see cref="GoogleCalendarOptions.SearchDays"/> business days after the lead time and picks the first slot of
/// <see cref="GoogleCalendarOptions.MeetingLength"/> in business hours that is not busy (<see cref="FreeSlotSearch"/>).
/// When Google fails, is slow or the circuit is open, or no slot is free, the default slot is proposed and the reason
/// logged (status codes and reasons only, never addresses).
/// </summary>
public sealed partial class GoogleMeetingSlotFinder(
    GoogleCalendarClient client,
    GoogleCalendarResilience resilience,
    DefaultMeetingSlotFinder fallback,
    IOptions<GoogleCalendarOptions> options,
    ILogger<GoogleMeetingSlotFinder> logger) : IMeetingSlotFinder
{
    private readonly Lazy<BusinessCalendar> _calendar = new(() => options.Value.BusinessHours.ToCalendar(options.Value.TimeZone));

    public async Task<MeetingSlot> FindAsync(DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        var calendar = _calendar.Value;
        var earliest = now + settings.LeadTime;
        var horizon = FreeSlotSearch.Horizon(calendar, earliest, settings.SearchDays);
        try
        {
            var busy = await resilience.SlotSearch.ExecuteAsync(
                async token => await client.QueryFreeBusyAsync(settings.CalendarId!, earliest, horizon, token), ct);
            if (FreeSlotSearch.FirstFree(calendar, earliest, horizon, settings.MeetingLength, settings.SlotStep, busy) is { } start)
            {
                LogFound(logger, start, busy.Count);
                return new MeetingSlot(start, settings.MeetingLength);
            }

            LogNoneFree(logger, settings.SearchDays, busy.Count);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogFallback(logger, GoogleCalendarResilience.Describe(ex));
        }

        return await fallback.FindAsync(now, ct);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Free slot {Start:o} chosen around {BusyCount} busy intervals")]
    private static partial void LogFound(ILogger logger, DateTimeOffset start, int busyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No free slot in the next {Days} business days ({BusyCount} busy intervals); proposing the default slot")]
    private static partial void LogNoneFree(ILogger logger, int days, int busyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Calendar free/busy lookup failed ({Reason}); proposing the default slot")]
    private static partial void LogFallback(ILogger logger, string reason);
}
