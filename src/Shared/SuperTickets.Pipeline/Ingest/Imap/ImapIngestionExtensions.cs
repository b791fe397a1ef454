using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace SuperTickets.Pipeline.Ingest.Imap;

public static class ImapIngestionExtensions
{
    /// <summary>
    /// Ingests the IMAP mailboxes of <c>Ingest:Imap:Mailboxes</c> (adds the ingest stage when it is not there yet).
    /// An invalid mailbox entry stops start-up with a message naming the key.
    /// </summary>
    public static IHostApplicationBuilder AddImapIngestion(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(IngestService)))
        {
            builder.AddIngestStage();
        }

        builder.Services.AddOptions<ImapIngestOptions>()
            .BindConfiguration(ImapIngestOptions.Section)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImapIngestOptions>, ImapIngestOptionsValidator>());
        builder.Services.AddHostedService<ImapPoller>();
        return builder;
    }
}
