using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Data.Admin;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Ingest;

/// <summary>
/// Gives a stored email another pass: its raw bytes are parsed again with today's parser and limits; when the
/// mail is now acceptable (or the caller forces it) the fresh parsed view replaces the old one, the status goes
/// back to received and <see cref="EmailReceived"/> is published through the outbox, all in one transaction.
/// Quarantined emails are reprocessed; a stuck <c>received</c> email only when forced; others never.
/// </summary>
public sealed partial class EmailReprocessor(
    IServiceScopeFactory scopes,
    IOptions<IngestOptions> ingestOptions,
    IOptions<MailOptions> mailOptions,
    TimeProvider clock,
    ILogger<EmailReprocessor> logger,
    OutboxRelay? relay = null)
{
    public const string Requeued = "requeued";
    public const string StillQuarantined = "still_quarantined";
    public const string NotFound = "not_found";
    public const string NotReprocessable = "not_reprocessable";

    /// <summary>What happened to one email: <see cref="Outcome"/> is one of the constants above.</summary>
    public sealed record Result(long EmailId, string Outcome, string? Reason);

    public async Task<IReadOnlyList<Result>> ReprocessAsync(IReadOnlyCollection<long> emailIds, bool force, string actor, CancellationToken ct)
    {
        var results = new List<Result>(emailIds.Count);
        foreach (var id in emailIds.Distinct())
        {
            results.Add(await ReprocessAsync(id, force, actor, ct));
        }
        return results;
    }

    public async Task<Result> ReprocessAsync(long emailId, bool force, string actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<DbSession>();
        var unitOfWork = services.GetRequiredService<IMessageUnitOfWork>();
        var emails = services.GetRequiredService<EmailStore>();
        var admin = services.GetRequiredService<EmailAdminStore>();
        var log = services.GetRequiredService<InteractionLog>();
        var serializer = services.GetRequiredService<MessageSerializer>();

        await unitOfWork.BeginAsync(ct);
        var raw = await admin.GetRawAsync(session, emailId, ct);
        if (raw is null)
        {
            return new Result(emailId, NotFound, "no stored email has this id");
        }
        if (raw.Status != EmailStatus.Quarantined && !(force && raw.Status == EmailStatus.Received))
        {
            return new Result(emailId, NotReprocessable, $"status is {raw.Status}; only quarantined emails (or, forced, stuck received ones) are reprocessed");
        }

        var prepared = IngestService.Prepare(new IncomingMail(raw.MailboxId, raw.SourceRef, raw.Content),
            ingestOptions.Value.MaxMessageBytes, mailOptions.Value.MessageIdDomain ?? "", clock.GetUtcNow());
        var parsed = prepared.Parsed with { RawEmailId = emailId };
        await admin.DeleteParsedAsync(session, emailId, ct);
        await emails.InsertParsedAsync(session, parsed, ct);

        if (prepared.QuarantineReason is { } reason && !force)
        {
            await emails.SetStatusAsync(session, emailId, EmailStatus.Quarantined, reason, ct);
            await log.AddAsync(session, new Interaction("ingest", "reprocess_rejected", emailId, null, null,
                $"Reprocessing requested by {actor}; still quarantined: {reason}", new { actor, reason, previousReason = raw.QuarantineReason }), ct);
            await unitOfWork.CommitAsync(ct);
            return new Result(emailId, StillQuarantined, reason);
        }

        var received = new EmailReceived(emailId, raw.MailboxId, raw.MessageId, parsed.ConversationKey, parsed.Subject,
            parsed.FromAddress, raw.Content.Length, prepared.AttachmentCount, raw.ReceivedAt);
        await unitOfWork.EnqueueAsync(serializer.CreateEnvelope(Topics.EmailReceived, parsed.ConversationKey, received), ct);
        await emails.SetStatusAsync(session, emailId, EmailStatus.Received, null, ct);
        await log.AddAsync(session, new Interaction("ingest", "reprocessed", emailId, null, null,
            force && prepared.QuarantineReason is not null
                ? $"Forced through by {actor} despite: {prepared.QuarantineReason}"
                : $"Reprocessed by {actor}; now acceptable",
            new { actor, forced = force, previousStatus = raw.Status, previousReason = raw.QuarantineReason, remainingReason = prepared.QuarantineReason }), ct);
        var committed = await unitOfWork.CommitAsync(ct);
        relay?.Dispatch(committed);
        LogRequeued(logger, emailId, raw.MailboxId, force);
        return new Result(emailId, Requeued, prepared.QuarantineReason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} from mailbox {MailboxId} reprocessed (forced: {Forced})")]
    private static partial void LogRequeued(ILogger logger, long emailId, string mailboxId, bool forced);
}
