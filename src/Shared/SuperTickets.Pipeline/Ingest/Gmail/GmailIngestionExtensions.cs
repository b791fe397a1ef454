using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SuperTickets.Pipeline.Ingest.Gmail;

public static class GmailIngestionExtensions
{
    /// <summary>
    /// Ingests the Gmail mailboxes of <c>Ingest:Gmail:Mailboxes</c> over the Gmail API (adds the ingest stage when it
    /// is not there yet). An invalid mailbox entry stops start-up with a message naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddGmailIngestion(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(IngestService)))
        {
            builder.AddIngestStage();
        }

        builder.Services.AddOptions<GmailIngestOptions>()
            .BindConfiguration(GmailIngestOptions.Section)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GmailIngestOptions>, GmailIngestOptionsValidator>());
        builder.Services.AddHostedService<GmailPoller>();
        return builder;
    }
}
