using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Data.Sla;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Sla;

/// <summary>
/// Posts each <see cref="SlaEvent"/> to the configured escalation webhooks. The HTTP calls run in the prepare
/// phase, before (and outside) the consumer's transaction; each delivered (ticket, threshold, target) is recorded
/// so a redelivered event posts nothing again. The text carries the ticket number, never customer data.
/// </summary>
public sealed partial class SlaWebhookNotifier(
    SlaWebhookClient client,
    SlaWebhookDeliveryStore deliveries,
    InteractionLog log,
    DbSession session,
    IOptions<SlaOptions> options,
    ILogger<SlaWebhookNotifier> logger) : IMessageHandler<SlaEvent>, IBatchPreparer<SlaEvent>
{
    private readonly HashSet<(long TicketId, string Threshold)> _posted = [];

    public async Task PrepareAsync(IReadOnlyList<SlaEvent> messages, CancellationToken ct)
    {
        var urls = options.Value.Escalation.WebhookUrls;
        HttpRequestException? failure = null;
        foreach (var message in messages)
        {
            for (var i = 0; i < urls.Length; i++)
            {
                var target = Target(urls[i]);
                if (await deliveries.IsDeliveredAsync(message.TicketId, message.Threshold, target, ct))
                {
                    continue;
                }
                try
                {
                    await client.PostAsync(new Uri(urls[i]), Text(message), ct);
                }
                catch (HttpRequestException ex)
                {
                    LogFailed(logger, message.TicketNumber, message.Threshold, i, ex.Message);
                    failure ??= ex;
                    continue;
                }
                await deliveries.MarkDeliveredAsync(message.TicketId, message.Threshold, target, ct);
                _posted.Add((message.TicketId, message.Threshold));
            }
        }
        if (failure is not null)
        {
            throw failure;
        }
    }

    public async Task HandleAsync(SlaEvent message, MessageContext context, CancellationToken ct)
    {
        if (_posted.Remove((message.TicketId, message.Threshold)))
        {
            await log.AddAsync(session, new Interaction("sla", "webhook_posted", null, message.TicketId, context.CorrelationId,
                $"{message.TicketNumber} {SlaEscalator.Words(message.Threshold)} posted to escalation webhooks"), ct);
        }
    }

    /// <summary>The webhook text: ticket number, threshold, due time and policy only.</summary>
    public static string Text(SlaEvent message) =>
        $"SLA {SlaEscalator.Words(message.Threshold)}: ticket {message.TicketNumber} (policy {message.PolicyId}, due {message.DueAt:u})";

    /// <summary>A stable, non-secret name for a webhook URL (incoming-webhook URLs embed their credentials).</summary>
    internal static string Target(string url) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..16];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation webhook {Index} failed for {TicketNumber} {Threshold}: {Error}")]
    private static partial void LogFailed(ILogger logger, string ticketNumber, string threshold, int index, string error);
}
