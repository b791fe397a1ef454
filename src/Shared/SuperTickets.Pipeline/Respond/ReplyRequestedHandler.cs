using Microsoft.Extensions.Logging;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Respond;

/// <summary>Sends a stored outgoing email exactly once in effect, and records it.</summary>
public sealed partial class ReplyRequestedHandler(
    DbSession session,
    OutboundEmailStore outbound,
    TicketStore tickets,
    TicketSlaStore sla,
    InteractionLog log,
    IMailSender sender,
    TimeProvider clock,
    ILogger<ReplyRequestedHandler> logger) : IMessageHandler<ReplyRequested>
{
    public async Task HandleAsync(ReplyRequested message, MessageContext context, CancellationToken ct)
    {
        var email = await outbound.GetAsync(session, message.OutboundEmailId, ct)
            ?? throw new InvalidOperationException($"Outbound email {message.OutboundEmailId} does not exist.");
        if (email.Status == "sent")
        {
            LogAlreadySent(logger, email.Id);
            return;
        }

        var delivered = await sender.SendAsync(email, ct);
        var now = clock.GetUtcNow();
        await outbound.MarkSentAsync(session, email.Id, now, ct);
        if (email.Kind == ReplyKinds.AgentReply)
        {
            await tickets.MarkFirstResponseAsync(session, email.TicketId, now, ct);
            await sla.MarkFirstResponseMetAsync(session, email.TicketId, ct);
        }
        await log.AddAsync(session, new Interaction(
            "respond", delivered ? "reply_sent" : "reply_already_delivered", null, email.TicketId, context.CorrelationId,
            $"{email.Kind} for {TicketNumber.Format(email.TicketId)} via {sender.Name}",
            new { email.Kind, email.MessageId, sender = sender.Name, sizeBytes = email.Content.Length }), ct);
        LogSent(logger, email.Id, email.Kind, TicketNumber.Format(email.TicketId), sender.Name);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbound email {OutboundEmailId} was already sent")]
    private static partial void LogAlreadySent(ILogger logger, long outboundEmailId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email {OutboundEmailId} for {TicketNumber} via {Sender}")]
    private static partial void LogSent(ILogger logger, long outboundEmailId, string kind, string ticketNumber, string sender);
}
