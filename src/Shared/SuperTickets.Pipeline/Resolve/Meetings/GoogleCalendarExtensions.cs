using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Resolve.Meetings;

public static class GoogleCalendarExtensions
{
    /// <summary>
    /// Books requested calls in the Google calendar of <c>Resolve:Calendar:Google</c>: free slots come from its free/busy
    /// information (replacing the default slot finder) and <see cref="Topics.MeetingRequested"/> becomes a calendar event
    /// (consumer group <c>calendar</c>). An invalid setting stops start-up with a message naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddGoogleCalendar(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GoogleCalendarOptions>()
            .BindConfiguration(GoogleCalendarOptions.Section)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GoogleCalendarOptions>, GoogleCalendarOptionsValidator>());
        builder.Services.TryAddSingleton(sp => new GoogleCalendarClient(sp.GetRequiredService<IOptions<GoogleCalendarOptions>>().Value));
        builder.Services.TryAddSingleton<GoogleCalendarResilience>();
        builder.Services.TryAddSingleton<DefaultMeetingSlotFinder>();
        builder.Services.RemoveAll<IMeetingSlotFinder>();
        builder.Services.AddSingleton<IMeetingSlotFinder, GoogleMeetingSlotFinder>();
        builder.Services.AddConsumer<MeetingRequested, MeetingRequestedHandler>(Topics.MeetingRequested, "calendar");
        return builder;
    }
}
