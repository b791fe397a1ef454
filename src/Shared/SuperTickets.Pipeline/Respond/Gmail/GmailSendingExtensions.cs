using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SuperTickets.Pipeline.Respond.Gmail;

public static class GmailSendingExtensions
{
    /// <summary>Sends outgoing mail through the Gmail account of <c>Respond:Gmail</c>, replacing any other sender.</summary>
    public static IHostApplicationBuilder AddGmailSending(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GmailSendOptions>()
            .BindConfiguration(GmailSendOptions.Section)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GmailSendOptions>, GmailSendOptionsValidator>());
        builder.Services.RemoveAll<IMailSender>();
        builder.Services.TryAddSingleton<GmailMailSender>();
        builder.Services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<GmailMailSender>());
        return builder;
    }
}
