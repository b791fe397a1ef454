using Microsoft.Extensions.Logging;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Respond;

/// <summary>
/// Sends a stored outgoing email exactly once in effect. The send happens before the transaction (it is
/// idempotent per key, so a redelivery after a crash finds it done); the transaction then marks it sent (with the
/// batch's other emails, at commit) and logs it.
/// </summary>
public sealed partial class ReplyRequestedHandler(
    DbConnectionFactory factory,
    DbSession session,
    OutboundEmailStore outbound,
    TicketStore tickets,
    TicketSlaStore sla,
    InteractionLog log,
    IMailSender sender,
    PreparationGate gate,
    TimeProvider clock,
    ILogger<ReplyRequestedHandler> logger) : IMessageHandler<ReplyRequested>, IBatchPreparer<ReplyRequested>
{
    private readonly Dictionary<long, (OutboundEmailRecord Email, bool Delivered)> _sent = [];
    private readonly HashSet<long> _marked = [];
    private DateTimeOffset? _now;

    public async Task PrepareAsync(IReadOnlyList<ReplyRequested> messages, CancellationToken ct)
    {
        IReadOnlyDictionary<long, OutboundEmailRecord> emails;
        using (await gate.EnterAsync(PipelineDepth.Respond, ct))
        {
            await using (var read = new DbSession(factory))
            {
                await read.OpenForReadAsync(ct);
                emails = await outbound.GetManyAsync(read, messages.Select(m => m.OutboundEmailId).Distinct().ToList(), ct);
            }
            if (sender.IsLocal)
            {
                await SendAllAsync(emails.Values, ct);
            }
        }
        if (!sender.IsLocal)
        {
            await SendAllAsync(emails.Values, ct); // a remote server is asked outside the gate
        }
    }

    private async Task SendAllAsync(IEnumerable<OutboundEmailRecord> emails, CancellationToken ct)
    {
        foreach (var email in emails.Where(e => e.Status != "sent"))
        {
            _sent[email.Id] = (email, await sender.SendAsync(email, ct));
        }
    }

    public async Task HandleAsync(ReplyRequested message, MessageContext context, CancellationToken ct)
    {
        if (!_sent.Remove(message.OutboundEmailId, out var sent))
        {
            var email = await outbound.GetAsync(session, message.OutboundEmailId, ct)
                ?? throw new InvalidOperationException($"Outbound email {message.OutboundEmailId} does not exist.");
            if (email.Status == "sent" || _marked.Contains(email.Id))
            {
                LogAlreadySent(logger, email.Id);
                return;
            }
            sent = (email, await sender.SendAsync(email, ct));
        }

        var (mail, delivered) = sent;
        // The batch's emails were all sent in PrepareAsync: one instant for the batch lets one statement mark them all.
        var now = _now ??= clock.GetUtcNow();
        outbound.MarkSentOnCommit(session, mail.Id, now);
        _marked.Add(mail.Id);
        if (mail.Kind == ReplyKinds.AgentReply)
        {
            await tickets.MarkFirstResponseAsync(session, mail.TicketId, now, ct);
            await sla.MarkFirstResponseMetAsync(session, mail.TicketId, ct);
        }
        await log.AddAsync(session, new Interaction(
            "respond", delivered ? "reply_sent" : "reply_already_delivered", null, mail.TicketId, context.CorrelationId,
            $"{mail.Kind} for {TicketNumber.Format(mail.TicketId)} via {sender.Name}",
            new ReplySentAnalysis(mail.Kind, mail.MessageId, sender.Name, mail.Content.Length)), ct);
        LogSent(logger, mail.Id, mail.Kind, TicketNumber.Format(mail.TicketId), sender.Name);
    }

    private sealed record ReplySentAnalysis(string Kind, string MessageId, string Sender, int SizeBytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbound email {OutboundEmailId} was already sent")]
    private static partial void LogAlreadySent(ILogger logger, long outboundEmailId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Kind} email {OutboundEmailId} for {TicketNumber} via {Sender}")]
    private static partial void LogSent(ILogger logger, long outboundEmailId, string kind, string ticketNumber, string sender);
}
