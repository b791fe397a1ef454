using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Mail;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Ingest;

/// <summary>
/// Stores fetched mail durably, once per mailbox and Message-ID, parses it, quarantines what cannot be
/// handled (with the reason), and publishes <see cref="EmailReceived"/> through the outbox in the same transaction.
/// </summary>
public sealed partial class IngestService(
    IServiceScopeFactory scopes,
    OutboxRelay relay,
    PreparationGate gate,
    IOptions<IngestOptions> ingestOptions,
    IOptions<MailOptions> mailOptions,
    TimeProvider clock,
    ILogger<IngestService> logger)
{
    public async Task<IReadOnlyList<IngestOutcome>> StoreAsync(IReadOnlyList<IncomingMail> batch, string? checkpoint, CancellationToken ct)
    {
        List<PreparedMail> prepared;
        using (await gate.EnterAsync(PipelineDepth.Ingest, ct))
        {
            prepared = batch.Select(Prepare).ToList();
        }
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var session = services.GetRequiredService<DbSession>();
        var unitOfWork = services.GetRequiredService<IMessageUnitOfWork>();
        var emails = services.GetRequiredService<EmailStore>();
        var log = services.GetRequiredService<InteractionLog>();
        var serializer = services.GetRequiredService<MessageSerializer>();

        await unitOfWork.BeginAsync(ct);
        var ids = await emails.TryInsertRawManyAsync(session, prepared.Select(m =>
            new RawEmailRow(m.Raw, m.QuarantineReason is null ? EmailStatus.Received : EmailStatus.Quarantined, m.QuarantineReason)).ToList(), ct);
        await emails.InsertParsedManyAsync(session, prepared.Zip(ids)
            .Where(p => p.Second is not null)
            .Select(p => p.First.Parsed with { RawEmailId = p.Second!.Value })
            .ToList(), ct);
        var outcomes = new List<IngestOutcome>(prepared.Count);
        foreach (var (mail, id) in prepared.Zip(ids))
        {
            if (id is not { } emailId)
            {
                outcomes.Add(IngestOutcome.Duplicate);
                continue;
            }
            if (mail.QuarantineReason is { } reason)
            {
                await log.AddAsync(session, new Interaction("ingest", "quarantined", emailId, null, null, reason,
                    new { mail.Raw.SourceRef, defects = mail.Defects }), ct);
                LogQuarantined(logger, emailId, mail.Raw.MailboxId, reason);
                outcomes.Add(IngestOutcome.Quarantined);
                continue;
            }
            var received = new EmailReceived(emailId, mail.Raw.MailboxId, mail.Raw.MessageId, mail.Parsed.ConversationKey,
                mail.Parsed.Subject, mail.Parsed.FromAddress, mail.Raw.Content.Length, mail.AttachmentCount, mail.Raw.ReceivedAt);
            await unitOfWork.EnqueueAsync(serializer.CreateEnvelope(Topics.EmailReceived, mail.Parsed.ConversationKey, received), ct);
            await log.AddAsync(session, new Interaction("ingest", "received", emailId, null, null,
                $"Stored {mail.Raw.Content.Length} bytes from mailbox {mail.Raw.MailboxId}",
                new { mail.Raw.SourceRef, mail.Raw.MailboxId, sizeBytes = mail.Raw.Content.Length, attachments = mail.AttachmentCount, defects = mail.Defects, noise = mail.Parsed.NoiseKind }), ct);
            outcomes.Add(IngestOutcome.Stored);
        }
        if (checkpoint is not null && batch.Count > 0)
        {
            await services.GetRequiredService<MailboxStore>().SetCheckpointAsync(session, batch[0].MailboxId, checkpoint, ct);
        }
        relay.Dispatch(await unitOfWork.CommitAsync(ct));
        return outcomes;
    }

    private PreparedMail Prepare(IncomingMail mail) =>
        Prepare(mail, ingestOptions.Value.MaxMessageBytes, mailOptions.Value.MessageIdDomain!, clock.GetUtcNow());

    /// <summary>Parses raw mail into the rows ingestion stores and the reason to quarantine it, if any.</summary>
    internal static PreparedMail Prepare(IncomingMail mail, long maxMessageBytes, string messageIdDomain, DateTimeOffset now)
    {
        var sha = ConversationKey.Sha256(mail.Content);
        var parsed = MimeParser.Parse(mail.Content, new MimeParserOptions { MaxMessageBytes = maxMessageBytes });
        var messageId = parsed.MessageId is { Length: > 0 } id ? ConversationKey.Normalize(id) : null;
        var references = parsed.References.Select(ConversationKey.Normalize).ToList();
        var inReplyTo = parsed.InReplyTo is { Length: > 0 } reply ? ConversationKey.Normalize(reply) : null;
        var noise = MailNoiseDetector.Detect(parsed, messageIdDomain);
        var text = parsed.BestTextBody;
        var record = new ParsedEmailRecord
        {
            MessageId = messageId,
            InReplyTo = inReplyTo,
            ReferencesJson = JsonSerializer.Serialize(references),
            Subject = parsed.Subject ?? "",
            FromName = parsed.From?.Name,
            FromAddress = parsed.From?.Address ?? "",
            ToJson = JsonSerializer.Serialize(parsed.To.Select(a => a.Address)),
            CcJson = JsonSerializer.Serialize(parsed.Cc.Select(a => a.Address)),
            SentAt = parsed.Date?.ToUniversalTime(),
            TextBody = text,
            NewText = ReplyExtractor.Extract(text),
            HtmlBody = parsed.HtmlBody,
            AttachmentsJson = JsonSerializer.Serialize(parsed.Attachments.Select(a => new { a.FileName, a.ContentType, a.Size })),
            DefectsJson = JsonSerializer.Serialize(parsed.Defects),
            NoiseKind = noise.Kind == MailNoiseKind.None ? null : noise.Kind.ToString(),
            NoiseReason = noise.Reason,
            ConversationKey = ConversationKey.For(messageId, inReplyTo, references, sha),
        };
        var raw = new RawEmailInsert(mail.MailboxId, messageId ?? "sha256:" + sha, messageId, sha, mail.Content, mail.SourceRef, now);
        return new PreparedMail(raw, record, QuarantineReason(mail, parsed, maxMessageBytes), parsed.Defects, parsed.Attachments.Count);
    }

    private static string? QuarantineReason(IncomingMail mail, ParsedEmail parsed, long maxMessageBytes)
    {
        if (mail.Content.Length == 0)
        {
            return "empty file";
        }
        if (parsed.IsOversize)
        {
            return $"oversize: {mail.Content.Length} bytes exceeds the limit of {maxMessageBytes}";
        }
        if (!parsed.HasUsableSender)
        {
            return parsed.Defects.Count > 0
                ? $"no usable From address; defects: {string.Join("; ", parsed.Defects.Take(3))}"
                : "no usable From address";
        }
        return null;
    }

    internal sealed record PreparedMail(RawEmailInsert Raw, ParsedEmailRecord Parsed, string? QuarantineReason, IReadOnlyList<string> Defects, int AttachmentCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {EmailId} from mailbox {MailboxId} quarantined: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, long emailId, string mailboxId, string reason);
}
