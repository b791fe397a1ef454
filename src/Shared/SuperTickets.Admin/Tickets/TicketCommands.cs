using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Mail;
using SuperTickets.Messaging;
using SuperTickets.Pipeline;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Sla;

namespace SuperTickets.Admin.Tickets;

/// <summary>
/// Ticket changes made through the API. Each runs in one transaction with its interaction-log entry and the
/// messages it publishes (ticket events, reply requests) through the outbox.
/// </summary>
public sealed class TicketCommands(
    DbSession session,
    IMessageUnitOfWork unitOfWork,
    TicketStore tickets,
    TicketAdminStore ticketAdmin,
    TicketSlaClock sla,
    AgentStore agents,
    OutboundEmailStore outbound,
    InteractionLog log,
    MessageSerializer serializer,
    IOptions<MailOptions> mailOptions,
    TimeProvider clock,
    OutboxRelay? relay = null)
{
    /// <summary>Applies the patch; returns the updated ticket and what changed, or null when the ticket does not exist.</summary>
    public async Task<(TicketRecord Ticket, IReadOnlyList<string> Changes)?> UpdateAsync(long id, TicketPatch patch, string actor, CancellationToken ct)
    {
        await using var transaction = await BeginAsync(ct);
        var ticket = await tickets.GetAsync(session, id, ct);
        if (ticket is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var changes = new List<string>();
        if (patch.Status is { } status && status != ticket.Status)
        {
            await ChangeStatusAsync(ticket, status, now, ct);
            changes.Add($"status {ticket.Status} -> {status}");
        }
        if (patch.Priority is { } priority && priority != ticket.Priority)
        {
            await ticketAdmin.SetPriorityAsync(session, id, priority, now, ct);
            await sla.ChangePriorityAsync(session, ticket, priority, ct);
            await PublishEventAsync(ticket with { Priority = priority }, TicketEventKinds.PriorityChanged, $"{ticket.Priority} -> {priority}", ct);
            changes.Add($"priority {ticket.Priority} -> {priority}");
        }
        var assignee = patch.Unassign == true ? null : patch.AssigneeId ?? ticket.AssigneeId;
        if (assignee != ticket.AssigneeId)
        {
            await tickets.SetAssigneeAsync(session, id, assignee, now, ct);
            await agents.RecordAssignmentAsync(session, id, assignee, $"set by {actor}", ct);
            await PublishEventAsync(ticket, TicketEventKinds.Assigned, assignee is null ? "unassigned" : $"agent {assignee}", ct);
            changes.Add(assignee is null ? "unassigned" : $"assignee -> {assignee}");
        }
        if (changes.Count > 0)
        {
            await log.AddAsync(session, new Interaction("admin", "ticket_updated", null, id, null,
                $"{TicketNumber.Format(id)} updated by {actor}: {string.Join(", ", changes)}", new { actor, changes }), ct);
        }
        await CommitAsync(ct);
        return ((await tickets.GetAsync(id, ct))!, changes);
    }

    /// <summary>
    /// Composes and stores the agent's reply (threaded under the customer's last message), records it on the
    /// ticket and requests its sending. A repeated idempotency key returns the reply stored the first time.
    /// </summary>
    public async Task<ReplyOutcome> ReplyAsync(long id, ReplyRequest request, string? headerKey, string actor, CancellationToken ct)
    {
        await using var transaction = await BeginAsync(ct);
        var ticket = await tickets.GetAsync(session, id, ct);
        if (ticket is null)
        {
            return new ReplyOutcome(null, false);
        }
        var key = $"{ReplyKinds.AgentReply}:{id}:{request.IdempotencyKey ?? headerKey ?? Guid.CreateVersion7().ToString("N")}";
        if (await ticketAdmin.FindOutboundByKeyAsync(session, key, ct) is { } earlier)
        {
            return new ReplyOutcome(earlier, false);
        }
        var now = clock.GetUtcNow();
        var email = Compose(ticket, request.Text!, key, now,
            await ticketAdmin.LastInboundMessageIdAsync(session, id, ct), await ticketAdmin.ThreadMessageIdsAsync(session, id, ct));
        var outboundId = await outbound.TryInsertAsync(session, email, ct)
            ?? throw new InvalidOperationException($"Outbound email with key {key} appeared concurrently.");
        await tickets.AppendMessageAsync(session, new TicketMessageRecord
        {
            TicketId = id,
            MessageId = email.MessageId,
            Direction = "out",
            Author = actor,
            Body = request.Text!,
            CreatedAt = now,
        }, ct);
        await unitOfWork.EnqueueAsync(serializer.CreateEnvelope(Topics.ReplyRequested, TicketNumber.Format(id),
            new ReplyRequested(outboundId, id, ReplyKinds.AgentReply, key)), ct);
        if (request.SetStatus is { } status && status != ticket.Status)
        {
            await ChangeStatusAsync(ticket, status, now, ct);
        }
        await log.AddAsync(session, new Interaction("admin", "agent_reply", null, id, null,
            $"Reply to {TicketNumber.Format(id)} written by {actor}" + (request.SetStatus is null ? "" : $"; status {request.SetStatus}"),
            new { actor, outboundEmailId = outboundId, email.MessageId, chars = request.Text!.Length }), ct);
        await CommitAsync(ct);
        return new ReplyOutcome(email with { Id = outboundId }, true);
    }

    private OutboundEmailRecord Compose(TicketRecord ticket, string text, string key, DateTimeOffset now, string? inReplyTo, IReadOnlyList<string> thread)
    {
        var mail = mailOptions.Value;
        var messageId = $"agent-reply.{ticket.Id}.{Guid.CreateVersion7():N}@{mail.MessageIdDomain}";
        var subject = ReplyComposer.ReplySubject(ticket.Subject, ticket.Id);
        var content = MailComposer.Compose(new OutgoingEmail
        {
            From = new MailAddress(mail.SupportName, mail.SupportAddress!),
            To = [new MailAddress(ticket.CustomerName, ticket.CustomerEmail)],
            Subject = subject,
            TextBody = text,
            HtmlBody = PlainTextHtml.From(text),
            MessageId = messageId,
            InReplyTo = inReplyTo,
            References = thread.Distinct().TakeLast(20).ToList(),
            Date = now,
            ExtraHeaders = new Dictionary<string, string> { ["X-SuperTickets-Ticket"] = TicketNumber.Format(ticket.Id) },
        });
        return new OutboundEmailRecord
        {
            TicketId = ticket.Id,
            Kind = ReplyKinds.AgentReply,
            IdempotencyKey = key,
            ToAddress = ticket.CustomerEmail.ToLowerInvariant(),
            Subject = subject,
            MessageId = messageId,
            Content = content,
            CreatedAt = now,
        };
    }

    private async Task ChangeStatusAsync(TicketRecord ticket, string status, DateTimeOffset now, CancellationToken ct)
    {
        await tickets.UpdateStatusAsync(session, ticket.Id, status, now, ct);
        if (TicketStatus.IsSolved(status))
        {
            await sla.SolveAsync(session, ticket.Id, ct);
        }
        else if (status == TicketStatus.Pending)
        {
            await sla.PauseAsync(session, ticket.Id, ct);
        }
        else if (TicketStatus.IsSolved(ticket.Status))
        {
            await sla.ReopenAsync(session, ticket, ct);
        }
        else if (ticket.Status == TicketStatus.Pending)
        {
            await sla.ResumeAsync(session, ticket.Id, ct);
        }
        await PublishEventAsync(ticket, TicketEventKinds.StatusChanged, $"{ticket.Status} -> {status}", ct, status);
    }

    private Task PublishEventAsync(TicketRecord ticket, string kind, string detail, CancellationToken ct, string? status = null) =>
        unitOfWork.EnqueueAsync(serializer.CreateEnvelope(Topics.TicketEvents, TicketNumber.Format(ticket.Id),
            new TicketEvent(ticket.Id, TicketNumber.Format(ticket.Id), kind, status ?? ticket.Status, ticket.Priority, ticket.Category, clock.GetUtcNow(), detail)), ct);

    /// <summary>Begins the transaction; disposing the result ends it (a rollback unless committed), freeing the SQLite writer at once.</summary>
    private async Task<IAsyncDisposable> BeginAsync(CancellationToken ct)
    {
        await unitOfWork.BeginAsync(ct);
        return unitOfWork;
    }

    private async Task CommitAsync(CancellationToken ct)
    {
        var committed = await unitOfWork.CommitAsync(ct);
        relay?.Dispatch(committed);
    }
}
