using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Resolve.Meetings;

namespace SuperTickets.Pipeline.Tests.Meetings;

public sealed class CalendarOptionsTests
{
    private const string Key = GoogleCalendarOptions.Section;

    [Fact]
    public void Missing_and_invalid_settings_are_named_in_the_start_up_error()
    {
        using var host = ResolveHost(new()
        {
            [$"{Key}:TimeZone"] = "Mars/Olympus_Mons",
            [$"{Key}:RefreshToken"] = "only-a-token",
            [$"{Key}:BusinessHours:Days"] = "Mon,Funday",
            [$"{Key}:SendUpdates"] = "sometimes",
            [$"{Key}:BaseUrl"] = "calendar.local",
        });

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value);

        Assert.Equal(
        [
            $"{Key}: RefreshToken needs ClientId and ClientSecret.",
            $"{Key}:BaseUrl must be an absolute http(s) URL.",
            $"{Key}:CalendarId is required (the support calendar's address or id).",
            $"{Key}:TimeZone 'Mars/Olympus_Mons' is not a known time zone id (e.g. Europe/Berlin).",
            $"{Key}:BusinessHours:Days: 'Funday' is not a day of the week.",
            $"{Key}:SendUpdates must be one of none, externalOnly, all.",
        ], error.Failures);
    }

    [Theory]
    [InlineData("MeetingLength", "09:00:00", "MeetingLength must be positive and fit into the business hours.")]
    [InlineData("SlotStep", "00:07:00", "SlotStep must be at least a minute and divide a day evenly (e.g. 00:15:00).")]
    [InlineData("SearchDays", "0", "SearchDays must be between 1 and 30.")]
    [InlineData("BusinessHours:End", "08:00:00", "BusinessHours: Start must be before End, both within the day (00:00-24:00).")]
    [InlineData("ServiceAccountKeyFile", "/nonexistent/calendar-key.json", "ServiceAccountKeyFile names a file that does not exist.")]
    public void One_wrong_setting_is_named_alone(string name, string value, string message)
    {
        var settings = Valid();
        settings[$"{Key}:{name}"] = value;
        if (name == "ServiceAccountKeyFile")
        {
            settings.Remove($"{Key}:RefreshToken");
        }

        using var host = ResolveHost(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value);
        Assert.Equal([$"{Key}:{message}"], error.Failures);
    }

    [Fact]
    public void Without_the_calendar_section_calls_get_the_default_slot_and_nobody_books_them()
    {
        using var host = ResolveHost([]);

        Assert.IsType<DefaultMeetingSlotFinder>(host.Services.GetRequiredService<IMeetingSlotFinder>());
        Assert.DoesNotContain(host.Services.GetServices<ConsumerRegistration>(), r => r.Topic == Topics.MeetingRequested);
    }

    [Fact]
    public void With_the_calendar_section_free_slots_come_from_the_calendar_and_the_calendar_group_books_them()
    {
        using var host = ResolveHost(Valid());

        Assert.IsType<GoogleMeetingSlotFinder>(host.Services.GetRequiredService<IMeetingSlotFinder>());
        var registration = Assert.Single(host.Services.GetServices<ConsumerRegistration>(), r => r.Topic == Topics.MeetingRequested);
        Assert.Equal("calendar", registration.Group);
        Assert.Equal("none", host.Services.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value.SendUpdates);
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        [$"{Key}:CalendarId"] = "support@nimbus.example",
        [$"{Key}:ClientId"] = "id",
        [$"{Key}:ClientSecret"] = "secret",
        [$"{Key}:RefreshToken"] = "token",
    };

    private static IHost ResolveHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = "Data Source=unused.db",
            ["Mail:SupportAddress"] = "support@nimbus.example",
            ["Mail:MessageIdDomain"] = "support.nimbus.example",
        });
        builder.Services.AddInProcessTransport();
        builder.AddResolveStage();
        return builder.Build();
    }
}
