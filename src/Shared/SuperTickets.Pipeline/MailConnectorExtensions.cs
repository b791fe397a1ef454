using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SuperTickets.Pipeline.Ingest.Gmail;
using SuperTickets.Pipeline.Ingest.Imap;
using SuperTickets.Pipeline.Respond.Gmail;
using SuperTickets.Pipeline.Respond.Smtp;

namespace SuperTickets.Pipeline;

/// <summary>
/// Turns on the mailbox connectors whose settings are present: IMAP and Gmail sources
/// (<c>Ingest:Imap:Mailboxes</c>, <c>Ingest:Gmail</c>) and one outgoing sender
/// (<c>Respond:Smtp</c> or <c>Respond:Gmail</c>). Without any, the drop folders stay the only source and sink.
/// </summary>
public static class MailConnectorExtensions
{
    public static IHostApplicationBuilder AddConfiguredMailSources(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration.GetSection("Ingest:Imap:Mailboxes").Exists())
        {
            builder.AddImapIngestion();
        }
        if (builder.Configuration.GetSection(GmailIngestOptions.Section).Exists())
        {
            builder.AddGmailIngestion();
        }
        return builder;
    }

    public static IHostApplicationBuilder AddConfiguredMailSender(this IHostApplicationBuilder builder)
    {
        var smtp = builder.Configuration.GetSection(SmtpOptions.Section).Exists();
        var gmail = builder.Configuration.GetSection(GmailSendOptions.Section).Exists();
        if (smtp && gmail)
        {
            throw new InvalidOperationException(
                $"Both {SmtpOptions.Section} and {GmailSendOptions.Section} are configured; replies go out through one sender, so remove one of them.");
        }
        if (smtp)
        {
            builder.AddSmtpSending();
        }
        else if (gmail)
        {
            builder.AddGmailSending();
        }
        return builder;
    }
}
