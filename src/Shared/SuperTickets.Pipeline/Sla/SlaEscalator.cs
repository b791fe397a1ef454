using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Mail;

namespace SuperTickets.Pipeline.Sla;

/// <summary>
/// The escalation actions of one fired threshold, written in the sweep's transaction (so they happen exactly once,
/// together with the fired-threshold mark): priority bump, reassignment to the lead, and the escalation email.
/// Webhooks are posted later, outside any transaction, from the <see cref="SlaEvent"/> the sweep publishes.
/// </summary>
public sealed partial class SlaEscalator(
    TicketStore tickets,
    AgentStore agents,
    OutboundEmailStore outbound,
    InteractionLog log,
    IOptions<SlaOptions> options,
    IOptions<MailOptions> mail,
    ILogger<SlaEscalator> logger)
{
    private static readonly string[] Ladder = ["low", "normal", "high", "urgent"];

    /// <summary>The configured lead agent's id, or null when none is configured or no agent has that address.</summary>
    internal async Task<long?> FindLeadAsync(DbSession session, CancellationToken ct)
    {
        if (options.Value.Escalation.LeadAgentEmail is not { Length: > 0 } email)
        {
            return null;
        }
        var id = await session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT id FROM agents WHERE lower(email) = @email", new { email = email.Trim().ToLowerInvariant() }, session.Transaction, cancellationToken: ct));
        if (id is null)
        {
            LogLeadMissing(logger);
        }
        return id;
    }

    /// <summary>Runs the actions for <paramref name="threshold"/>; returns the ticket as it stands afterwards.</summary>
    internal async Task<SlaTrackingRow> EscalateAsync(SlaEscalationContext c, SlaTrackingRow row, string threshold, DateTimeOffset due, CancellationToken ct)
    {
        var settings = options.Value.Escalation;
        if (settings.BumpPriority && threshold.StartsWith("first_response_", StringComparison.Ordinal))
        {
            row = await BumpPriorityAsync(c, row, threshold, ct);
        }
        if (threshold.EndsWith("_breached", StringComparison.Ordinal) && c.LeadAgentId is { } lead && row.AssigneeId != lead)
        {
            row = await ReassignAsync(c, row, lead, threshold, ct);
        }
        if (settings.NotifyAddress is { Length: > 0 } address)
        {
            await NotifyAsync(c, row, threshold, due, address, ct);
        }
        return row;
    }

    private async Task<SlaTrackingRow> BumpPriorityAsync(SlaEscalationContext c, SlaTrackingRow row, string threshold, CancellationToken ct)
    {
        var level = Array.IndexOf(Ladder, row.Priority.ToLowerInvariant());
        if (level < 0 || level == Ladder.Length - 1)
        {
            return row;
        }
        var raised = Ladder[level + 1];
        await c.Session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tickets SET priority = @raised, updated_at = @now WHERE id = @id",
            new { raised, now = c.Now, id = row.TicketId }, c.Session.Transaction, cancellationToken: ct));
        var number = TicketNumber.Format(row.TicketId);
        await log.AddAsync(c.Session, new Interaction("sla", "priority_bumped", null, row.TicketId, null,
            $"{number} priority {row.Priority} -> {raised} ({Words(threshold)})", new PriorityBump(row.Priority, raised, threshold)), ct);
        await PublishTicketEventAsync(c, row with { Priority = raised }, TicketEventKinds.PriorityChanged, $"{row.Priority} -> {raised} ({threshold})", ct);
        return row with { Priority = raised };
    }

    private async Task<SlaTrackingRow> ReassignAsync(SlaEscalationContext c, SlaTrackingRow row, long lead, string threshold, CancellationToken ct)
    {
        await tickets.SetAssigneeAsync(c.Session, row.TicketId, lead, c.Now, ct);
        await agents.RecordAssignmentAsync(c.Session, row.TicketId, lead, "sla_escalation", ct);
        var number = TicketNumber.Format(row.TicketId);
        await log.AddAsync(c.Session, new Interaction("sla", "reassigned_to_lead", null, row.TicketId, null,
            $"{number} reassigned to the escalation lead ({Words(threshold)})", new Reassignment(row.AssigneeId, lead, threshold)), ct);
        var moved = row with { AssigneeId = lead };
        await PublishTicketEventAsync(c, moved, TicketEventKinds.Assigned, $"agent {lead} (sla escalation)", ct);
        return moved;
    }

    private async Task NotifyAsync(SlaEscalationContext c, SlaTrackingRow row, string threshold, DateTimeOffset due, string address, CancellationToken ct)
    {
        var settings = mail.Value;
        var number = TicketNumber.Format(row.TicketId);
        var subject = $"[SLA] {number} {Words(threshold)}";
        var messageId = $"escalation.{row.TicketId}.{threshold.Replace('_', '-')}.{Guid.CreateVersion7():N}@{settings.MessageIdDomain}";
        var text = $"""
            Ticket {number}: {Words(threshold)}.
            Due: {due:u}
            Priority: {row.Priority}
            Category: {row.Category}
            Policy: {row.PolicyId}
            """;
        var email = new OutboundEmailRecord
        {
            TicketId = row.TicketId,
            Kind = ReplyKinds.Escalation,
            IdempotencyKey = $"escalation:{row.TicketId}:{threshold}",
            ToAddress = address.Trim().ToLowerInvariant(),
            Subject = subject,
            MessageId = messageId,
            Content = MailComposer.Compose(new OutgoingEmail
            {
                From = new MailAddress(settings.SupportName, settings.SupportAddress!),
                To = [new MailAddress(null, address.Trim())],
                Subject = subject,
                TextBody = text,
                MessageId = messageId,
                Date = c.Now,
                AutoSubmitted = true,
                ExtraHeaders = new Dictionary<string, string> { ["X-SuperTickets-Ticket"] = number },
            }),
            CreatedAt = c.Now,
        };
        if (await outbound.TryInsertAsync(c.Session, email, ct) is { } id)
        {
            await c.UnitOfWork.EnqueueAsync(c.Serializer.CreateEnvelope(Topics.ReplyRequested, number,
                new ReplyRequested(id, row.TicketId, email.Kind, email.IdempotencyKey)), ct);
        }
    }

    private static Task PublishTicketEventAsync(SlaEscalationContext c, SlaTrackingRow row, string kind, string detail, CancellationToken ct)
    {
        var number = TicketNumber.Format(row.TicketId);
        return c.UnitOfWork.EnqueueAsync(c.Serializer.CreateEnvelope(Topics.TicketEvents, number,
            new TicketEvent(row.TicketId, number, kind, row.Status, row.Priority, row.Category, c.Now, detail)), ct);
    }

    internal static string Words(string threshold) => threshold.Replace('_', ' ');

    private sealed record PriorityBump(string From, string To, string Threshold);

    private sealed record Reassignment(long? FromAgentId, long ToAgentId, string Threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sla:Escalation:LeadAgentEmail names no known agent; breached tickets are not reassigned")]
    private static partial void LogLeadMissing(ILogger logger);
}
