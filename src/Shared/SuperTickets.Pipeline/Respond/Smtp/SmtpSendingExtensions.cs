using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace SuperTickets.Pipeline.Respond.Smtp;

public static class SmtpSendingExtensions
{
    /// <summary>Sends outgoing mail through the SMTP server of <c>Respond:Smtp</c>, replacing the drop-folder sender.</summary>
    public static IHostApplicationBuilder AddSmtpSending(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SmtpOptions>()
            .BindConfiguration(SmtpOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(o.Password) || string.IsNullOrEmpty(o.AccessToken),
                "Respond:Smtp: give Password or AccessToken, not both.")
            .Validate(o => string.IsNullOrEmpty(o.Username) == (string.IsNullOrEmpty(o.Password) && string.IsNullOrEmpty(o.AccessToken)),
                "Respond:Smtp: Username needs a Password or AccessToken, and they need a Username.")
            .ValidateOnStart();
        builder.Services.RemoveAll<IMailSender>();
        builder.Services.TryAddSingleton<SmtpMailSender>();
        builder.Services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<SmtpMailSender>());
        return builder;
    }
}
