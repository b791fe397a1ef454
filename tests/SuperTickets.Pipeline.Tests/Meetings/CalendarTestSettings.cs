using SuperTickets.Pipeline.Resolve.Meetings;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests.Meetings;

/// <summary>Calendar settings pointing at a <see cref="FakeCalendarServer"/>, with a user grant the fake accepts.</summary>
internal static class CalendarTestSettings
{
    private const string Key = GoogleCalendarOptions.Section;

    /// <summary>Monday 23 November 2026, 07:00 UTC (08:00 in Berlin).</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    public static GoogleCalendarOptions Options(FakeCalendarServer server) => new()
    {
        CalendarId = FakeCalendarServer.CalendarId,
        ClientId = FakeGoogleTokens.ClientId,
        ClientSecret = FakeGoogleTokens.ClientSecret,
        RefreshToken = FakeGoogleTokens.RefreshToken,
        BaseUrl = server.BaseUrl,
        TokenUrl = server.TokenUrl,
        TimeZone = "Europe/Berlin",
        LeadTime = TimeSpan.FromHours(2),
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        SlotSearchTimeout = TimeSpan.FromSeconds(30),
    };

    public static Dictionary<string, string?> Configuration(FakeCalendarServer server, params (string Name, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"{Key}:CalendarId"] = FakeCalendarServer.CalendarId,
            [$"{Key}:ClientId"] = FakeGoogleTokens.ClientId,
            [$"{Key}:ClientSecret"] = FakeGoogleTokens.ClientSecret,
            [$"{Key}:RefreshToken"] = FakeGoogleTokens.RefreshToken,
            [$"{Key}:BaseUrl"] = server.BaseUrl,
            [$"{Key}:TokenUrl"] = server.TokenUrl,
            [$"{Key}:TimeZone"] = "Europe/Berlin",
            [$"{Key}:LeadTime"] = "02:00:00",
            [$"{Key}:RetryBaseDelay"] = "00:00:00.020",
            [$"{Key}:SlotSearchTimeout"] = "00:00:30",
        };
        foreach (var (name, value) in overrides)
        {
            settings[$"{Key}:{name}"] = value;
        }

        return settings;
    }
}
