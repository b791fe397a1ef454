using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Knowledge;
using SuperTickets.Mail;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// Composes our automatic emails as replies in the customer's thread: In-Reply-To/References, the ticket token
/// in the subject, our own Message-ID domain and <c>Auto-Submitted: auto-replied</c>.
/// </summary>
public sealed partial class ReplyComposer(IOptions<MailOptions> options, TimeProvider clock)
{
    /// <summary>
    /// The automatic answer from <paramref name="article"/>: the article itself, or <paramref name="draftedBody"/> (a
    /// grounded draft written from it) in its place. Either way with greeting, the article citation, the ticket footer
    /// and the signature. <paramref name="now"/> (the clock's time when null) dates the email.
    /// </summary>
    public OutboundEmailRecord AutoAnswer(ParsedEmailRecord email, long ticketId, KbArticle article, string? draftedBody = null, DateTimeOffset? now = null)
    {
        var text = new StringBuilder().Append(Greeting(email)).Append("\n\n");
        if (draftedBody is { Length: > 0 } drafted)
        {
            text.Append(drafted.Trim()).Append("\n\n");
        }
        else
        {
            text.Append("Thanks for writing to us. This article from our help centre should answer your question:\n\n")
                .Append(article.Title).Append('\n').Append(new string('=', Math.Min(article.Title.Length, 70))).Append("\n\n")
                .Append(article.Body.Trim()).Append("\n\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"(Source: knowledge-base article \"{article.Id}\".)\n\n")
            .Append(CultureInfo.InvariantCulture, $"If this solves it, there is nothing more to do. If not, just reply to this email and your request {TicketNumber.Format(ticketId)} goes straight to our team.\n\n")
            .Append(Signature());
        return Build(email, ticketId, ReplyKinds.AutoAnswer, text.ToString(), [], now ?? clock.GetUtcNow());
    }

    /// <summary>The acknowledgement of a new ticket; <paramref name="now"/> (the clock's time when null) dates it and counts the time to the first response.</summary>
    public OutboundEmailRecord Acknowledgement(ParsedEmailRecord email, long ticketId, string category, string priority, DateTimeOffset? firstResponseDue,
        DateTimeOffset? now = null)
    {
        var at = now ?? clock.GetUtcNow();
        var text = new StringBuilder()
            .Append(Greeting(email)).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"We received your message and opened ticket {TicketNumber.Format(ticketId)} ({category.Replace('_', ' ')}, {priority} priority).\n");
        if (firstResponseDue is { } due)
        {
            var within = due - at;
            text.Append(CultureInfo.InvariantCulture, $"A member of our team will respond within {Humanize(within)} (by {due.UtcDateTime:ddd d MMM yyyy HH:mm} UTC).\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"\nTo add anything, reply to this email and keep {TicketNumber.SubjectToken(ticketId)} in the subject.\n\n")
            .Append(Signature());
        return Build(email, ticketId, ReplyKinds.Acknowledgement, text.ToString(), [], at);
    }

    public OutboundEmailRecord MeetingInvitation(ParsedEmailRecord email, long ticketId, DateTimeOffset start, TimeSpan duration, string ics)
    {
        var text = new StringBuilder()
            .Append(Greeting(email)).Append("\n\n")
            .Append(CultureInfo.InvariantCulture, $"Happy to talk. We propose a call on {start.UtcDateTime:dddd d MMMM yyyy 'at' HH:mm} UTC ({duration.TotalMinutes:F0} minutes); the invitation is attached.\n")
            .Append("If the time does not suit you, reply with two or three times that do.\n\n")
            .Append(Signature());
        return Build(email, ticketId, ReplyKinds.MeetingInvitation, text.ToString(), [OutgoingAttachment.Calendar(ics)], clock.GetUtcNow());
    }

    public static string ReplySubject(string subject, long ticketId)
    {
        var bare = subject.Trim();
        while (ReplyPrefix().Match(bare) is { Success: true } prefix)
        {
            bare = bare[prefix.Length..].TrimStart();
        }
        var token = TicketNumber.SubjectToken(ticketId);
        bare = bare.Replace(token, "", StringComparison.Ordinal).Trim();
        return $"Re: {(bare.Length == 0 ? "Your request" : bare)} {token}";
    }

    private OutboundEmailRecord Build(ParsedEmailRecord email, long ticketId, string kind, string text, IReadOnlyList<OutgoingAttachment> attachments, DateTimeOffset now)
    {
        var settings = options.Value;
        var messageId = $"{kind.Replace('_', '-')}.{email.RawEmailId}.{Guid.CreateVersion7():N}@{settings.MessageIdDomain}";
        var references = System.Text.Json.JsonSerializer.Deserialize<List<string>>(email.ReferencesJson) ?? [];
        if (email.MessageId is { } parent)
        {
            references.Add(parent);
        }
        var subject = ReplySubject(email.Subject, ticketId);
        var content = MailComposer.Compose(new OutgoingEmail
        {
            From = new MailAddress(settings.SupportName, settings.SupportAddress!),
            To = [new MailAddress(email.FromName, email.FromAddress)],
            Subject = subject,
            TextBody = text,
            HtmlBody = PlainTextHtml.From(text),
            MessageId = messageId,
            InReplyTo = email.MessageId,
            References = references.Distinct().TakeLast(20).ToList(),
            Date = now,
            AutoSubmitted = true,
            ExtraHeaders = new Dictionary<string, string> { ["X-SuperTickets-Ticket"] = TicketNumber.Format(ticketId) },
            Attachments = attachments,
        });
        return new OutboundEmailRecord
        {
            TicketId = ticketId,
            Kind = kind,
            IdempotencyKey = $"{kind}:{email.RawEmailId}",
            ToAddress = email.FromAddress.ToLowerInvariant(),
            Subject = subject,
            MessageId = messageId,
            Content = content,
            CreatedAt = now,
        };
    }

    private static string Greeting(ParsedEmailRecord email) =>
        email.FromName is { Length: > 0 } name && !name.Contains('@') ? $"Hello {name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]}," : "Hello,";

    private string Signature() => $"Kind regards,\n{options.Value.SupportName}";

    private static string Humanize(TimeSpan span) => span.TotalMinutes < 90 ? $"{Math.Max(1, Math.Round(span.TotalMinutes)):F0} minutes"
        : span.TotalHours < 48 ? $"{Math.Round(span.TotalHours):F0} hours"
        : $"{Math.Round(span.TotalDays):F0} days";

    [GeneratedRegex(@"^(re|aw|sv|fw|fwd|wg|tr|rv|r)\s*(\[\d+\])?\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefix();
}
