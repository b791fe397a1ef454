using System.Text.Json.Serialization;

namespace SuperTickets.Pipeline.Resolve.Meetings;

internal sealed record FreeBusyRequestJson(string TimeMin, string TimeMax, string TimeZone, List<FreeBusyItemJson> Items);

internal sealed record FreeBusyItemJson(string Id);

internal sealed record FreeBusyResponseJson(Dictionary<string, FreeBusyCalendarJson>? Calendars);

internal sealed record FreeBusyCalendarJson(List<BusyJson>? Busy, List<FreeBusyErrorJson>? Errors);

internal sealed record BusyJson(DateTimeOffset Start, DateTimeOffset End);

internal sealed record FreeBusyErrorJson(string? Domain, string? Reason);

internal sealed record EventJson
{
    public string? Id { get; init; }
    public string? Status { get; init; }
    public string? HtmlLink { get; init; }

    [JsonPropertyName("iCalUID")]
    public string? ICalUid { get; init; }

    public string? Summary { get; init; }
    public string? Description { get; init; }
    public EventTimeJson? Start { get; init; }
    public EventTimeJson? End { get; init; }
    public List<AttendeeJson>? Attendees { get; init; }
    public ExtendedPropertiesJson? ExtendedProperties { get; init; }
    public ConferenceDataJson? ConferenceData { get; init; }
}

internal sealed record EventTimeJson(string DateTime, string? TimeZone);

internal sealed record AttendeeJson(string Email, string? DisplayName);

internal sealed record ExtendedPropertiesJson(Dictionary<string, string>? Private);

internal sealed record ConferenceDataJson(ConferenceCreateRequestJson? CreateRequest);

internal sealed record ConferenceCreateRequestJson(string RequestId, ConferenceSolutionKeyJson ConferenceSolutionKey);

internal sealed record ConferenceSolutionKeyJson(string Type);
