using SuperTickets.Pipeline.GoogleApi;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>
/// The <c>Resolve:Calendar:Google</c> section: the support calendar calls are booked in, the account that reaches it
/// (credentials as for Gmail: a service-account key, optionally acting for <see cref="GoogleAccountOptions.User"/>, or a
/// stored user grant) and when calls may take place.
/// </summary>
public sealed class GoogleCalendarOptions() : GoogleAccountOptions("https://www.googleapis.com/")
{
    public const string Section = "Resolve:Calendar:Google";

    public const string EventsScope = "https://www.googleapis.com/auth/calendar.events";

    public const string ReadonlyScope = "https://www.googleapis.com/auth/calendar.readonly";

    /// <summary>The <c>sendUpdates</c> values of <c>events.insert</c>.</summary>
    public static readonly IReadOnlyList<string> SendUpdatesValues = ["none", "externalOnly", "all"];

    /// <summary>The calendar whose free time is searched and where events are created (its address or calendar id).</summary>
    public string? CalendarId { get; set; }

    /// <summary>IANA time zone of <see cref="BusinessHours"/>.</summary>
    public string TimeZone { get; set; } = "UTC";

    public MeetingHoursOptions BusinessHours { get; set; } = new();

    public TimeSpan MeetingLength { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The earliest a call may start, counted from when the request is resolved.</summary>
    public TimeSpan LeadTime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many business days, from the first one after the lead time, are searched for a free slot.</summary>
    public int SearchDays { get; set; } = 5;

    /// <summary>Calls start on this grid of local time (15 minutes: 09:00, 09:15, ...); it must divide a day.</summary>
    public TimeSpan SlotStep { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Who Google notifies of a new event. <c>none</c> by default: the customer already has our invitation by email.
    /// </summary>
    public string SendUpdates { get; set; } = "none";

    /// <summary>Ask Google to attach a video conference (<c>conferenceData.createRequest</c>) to each event.</summary>
    public bool CreateConference { get; set; }

    /// <summary>Longest wait for free/busy information before the default slot is proposed instead.</summary>
    public TimeSpan SlotSearchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>In-process retries of a transient failure to create an event, before the message goes back to the transport.</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>After repeated free/busy failures, the default slot is proposed without asking Google for this long.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(60);
}
