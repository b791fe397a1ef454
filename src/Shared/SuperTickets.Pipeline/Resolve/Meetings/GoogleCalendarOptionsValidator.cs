using Microsoft.Extensions.Options;
using SuperTickets.Pipeline.GoogleApi;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>Checks <c>Resolve:Calendar:Google</c> and names the exact key that is missing or wrong.</summary>
internal sealed class GoogleCalendarOptionsValidator : IValidateOptions<GoogleCalendarOptions>
{
    private const string Key = GoogleCalendarOptions.Section;

    public ValidateOptionsResult Validate(string? name, GoogleCalendarOptions options)
    {
        var hours = options.BusinessHours;
        var daysValid = hours.TryParseDays(out var days, out var invalid);
        var hoursValid = hours.Start >= TimeSpan.Zero && hours.End <= TimeSpan.FromDays(1) && hours.Start < hours.End;
        (bool Failed, string Message)[] checks =
        [
            (!string.IsNullOrEmpty(options.ServiceAccountKeyFile) && !File.Exists(options.ServiceAccountKeyFile),
                $"{Key}:ServiceAccountKeyFile names a file that does not exist."),
            (string.IsNullOrWhiteSpace(options.CalendarId), $"{Key}:CalendarId is required (the support calendar's address or id)."),
            (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), $"{Key}:TimeZone '{options.TimeZone}' is not a known time zone id (e.g. Europe/Berlin)."),
            (!hoursValid,
                $"{Key}:BusinessHours: Start must be before End, both within the day (00:00-24:00)."),
            (!daysValid, $"{Key}:BusinessHours:Days: '{invalid}' is not a day of the week."),
            (daysValid && days.Count == 0, $"{Key}:BusinessHours:Days must name at least one day."),
            (options.MeetingLength <= TimeSpan.Zero || (hoursValid && options.MeetingLength > hours.End - hours.Start),
                $"{Key}:MeetingLength must be positive and fit into the business hours."),
            (options.LeadTime < TimeSpan.Zero, $"{Key}:LeadTime must not be negative."),
            (options.SearchDays is < 1 or > 30, $"{Key}:SearchDays must be between 1 and 30."),
            (options.SlotStep < TimeSpan.FromMinutes(1) || TimeSpan.FromDays(1).Ticks % options.SlotStep.Ticks != 0,
                $"{Key}:SlotStep must be at least a minute and divide a day evenly (e.g. 00:15:00)."),
            (!GoogleCalendarOptions.SendUpdatesValues.Contains(options.SendUpdates),
                $"{Key}:SendUpdates must be one of {string.Join(", ", GoogleCalendarOptions.SendUpdatesValues)}."),
            (options.SlotSearchTimeout <= TimeSpan.Zero, $"{Key}:SlotSearchTimeout must be positive."),
            (options.MaxRetries is < 0 or > 10, $"{Key}:MaxRetries must be between 0 and 10."),
            (options.RetryBaseDelay <= TimeSpan.Zero, $"{Key}:RetryBaseDelay must be positive."),
            (options.BreakDuration < TimeSpan.FromMilliseconds(500), $"{Key}:BreakDuration must be at least 00:00:00.5."),
        ];
        var errors = GoogleAccountValidation.Check(options, Key, requireUser: false)
            .Concat(checks.Where(c => c.Failed).Select(c => c.Message))
            .ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
