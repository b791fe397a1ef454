using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Triage;

namespace SuperTickets.Pipeline.Triage;

/// <summary>
/// Understands one email: is it noise (no auto-reply allowed), which conversation it continues (as far as is
/// known yet: resolve decides, in conversation order), what it is about, how urgent, in which language.
/// Publishes <see cref="EmailTriaged"/> and logs every input and score.
/// </summary>
public sealed partial class EmailReceivedHandler(
    DbSession session,
    EmailStore emails,
    ConversationThreading threading,
    CustomerStore customers,
    InteractionLog log,
    TriageEngine engine,
    IOptions<TriageOptions> options,
    TimeProvider clock,
    ILogger<EmailReceivedHandler> logger) : IMessageHandler<EmailReceived>
{
    public async Task HandleAsync(EmailReceived message, MessageContext context, CancellationToken ct)
    {
        var email = await emails.GetParsedAsync(session, message.EmailId, ct)
            ?? throw new InvalidOperationException($"Email {message.EmailId} has no parsed view.");
        var settings = options.Value;

        var (existing, threadedBy) = await threading.FindTicketAsync(session, email, ct);
        var duplicateOf = email.MessageId is { } messageId ? await emails.FindEarlierCopyAsync(session, email.RawEmailId, messageId, ct) : null;

        var customer = await customers.FindAsync(session, email.FromAddress, ct);
        var domain = email.FromAddress[(email.FromAddress.LastIndexOf('@') + 1)..].ToLowerInvariant();
        var isVip = customer?.Tier == "vip" || settings.VipDomains.Contains(domain, StringComparer.OrdinalIgnoreCase);
        var prior = customer is null ? 0 : await customers.CountTicketsSinceAsync(session, customer.Id, clock.GetUtcNow() - settings.RepeatedContactWindow, ct);

        var result = engine.Analyze(new TriageInput(email.Subject, email.NewText, domain, isVip, prior, settings.AlertKeywords));
        var triaged = new EmailTriaged(
            email.RawEmailId, message.ConversationKey, result.Category, Math.Round(result.CategoryConfidence, 4), result.CategoryUnsure,
            result.Intent, result.Priority.ToString().ToLowerInvariant(), result.PriorityReasons, Math.Round(result.Sentiment, 3),
            result.Language, email.NoiseKind, existing, result.IsMeetingRequest, result.MatchedAlerts, duplicateOf);

        await emails.SetStatusAsync(session, email.RawEmailId, EmailStatus.Triaged, null, ct);
        await log.AddAsync(session, new Interaction("triage", "classified", email.RawEmailId, existing, context.CorrelationId,
            $"{triaged.Category} ({triaged.CategoryConfidence:P0}), {triaged.Priority}, {triaged.Language}" +
            (email.NoiseKind is null ? "" : $", noise: {email.NoiseKind}") + (existing is null ? "" : $", thread of {TicketNumber.Format(existing.Value)} by {threadedBy}"),
            new
            {
                inputs = new { subjectChars = email.Subject.Length, textChars = email.NewText.Length, senderDomain = domain, isVip, priorContacts = prior },
                result,
                noise = new { kind = email.NoiseKind, reason = email.NoiseReason },
                threading = new { existingTicketId = existing, threadedBy, duplicateOf },
            }), ct);
        await context.PublishAsync(Topics.EmailTriaged, message.ConversationKey, triaged, ct);
        LogTriaged(logger, email.RawEmailId, triaged.Category, triaged.Priority, triaged.Language, email.NoiseKind ?? "none");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Triaged email {EmailId}: {Category}, {Priority}, {Language}, noise {Noise}")]
    private static partial void LogTriaged(ILogger logger, long emailId, string category, string priority, string language, string noise);
}
