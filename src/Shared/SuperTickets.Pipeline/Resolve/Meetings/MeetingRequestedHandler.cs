using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Messaging;

namespace SuperTickets.Pipeline.Resolve.Meetings;

/// <summary>
/// Books a requested call on the support calendar: one event with the customer as attendee, its id derived from the
/// request's idempotency key, so a redelivered request finds the event there (409) and creates nothing. Google sends
/// no notice (<c>sendUpdates</c>, <c>none</c> by default): the customer already has our emailed invitation, whose UID
/// the event carries in its private extended properties. The calendar call happens in the prepare phase, outside the
/// transaction; the transaction only records the outcome in the interaction log. Transient failures (after in-process
/// retries) throw, so the transport retries; a permanent refusal is recorded and not retried.
/// </summary>
public sealed partial class MeetingRequestedHandler(
    DbSession session,
    EmailStore emails,
    InteractionLog log,
    GoogleCalendarClient client,
    GoogleCalendarResilience resilience,
    IOptions<GoogleCalendarOptions> options,
    IOptions<MailOptions> mailOptions,
    ILogger<MeetingRequestedHandler> logger) : IMessageHandler<MeetingRequested>, IBatchPreparer<MeetingRequested>
{
    private readonly Dictionary<string, Interaction> _outcomes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _recorded = new(StringComparer.Ordinal);

    public async Task PrepareAsync(IReadOnlyList<MeetingRequested> messages, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            if (!_outcomes.ContainsKey(message.IdempotencyKey))
            {
                _outcomes[message.IdempotencyKey] = await BookAsync(message, ct);
            }
        }
    }

    /// <summary>Records the outcome of the calendar call; the same request twice in one batch is recorded once.</summary>
    public Task HandleAsync(MeetingRequested message, MessageContext context, CancellationToken ct)
    {
        if (!_outcomes.Remove(message.IdempotencyKey, out var outcome))
        {
            return _recorded.Contains(message.IdempotencyKey)
                ? Task.CompletedTask
                : throw new InvalidOperationException($"Meeting request '{message.IdempotencyKey}' reached the transaction without its calendar call.");
        }

        _recorded.Add(message.IdempotencyKey);
        return log.AddAsync(session, outcome with { CorrelationId = context.CorrelationId }, ct);
    }

    private async Task<Interaction> BookAsync(MeetingRequested message, CancellationToken ct)
    {
        var settings = options.Value;
        var domain = mailOptions.Value.MessageIdDomain!;
        var number = TicketNumber.Format(message.TicketId);
        var icsUid = SupportCall.Uid(message.TicketId, domain);
        var analysis = new CalendarEventAnalysis("google", CalendarEventIds.FromKey(domain, message.IdempotencyKey), icsUid, message.ProposedStart, message.Duration.TotalMinutes);
        var email = await emails.GetParsedAsync(message.EmailId, ct);
        if (email is null || email.FromAddress.Length == 0)
        {
            LogRejected(logger, number, "the request's email has no sender");
            return Outcome(message, "calendar_event_failed", $"No calendar event for {number}: the request's email has no sender",
                analysis with { Error = "no attendee" });
        }

        var request = new NewCalendarEvent(
            analysis.EventId, SupportCall.Summary(message.TicketId),
            $"Support call about ticket {number}, requested by email. The customer was sent this call as an invitation by email (UID {icsUid}).",
            message.ProposedStart, message.Duration, settings.TimeZone, email.FromAddress, email.FromName,
            new Dictionary<string, string> { ["ticket"] = number, ["icsUid"] = icsUid }, settings.CreateConference);
        try
        {
            var (booked, created) = await resilience.EventInsert.ExecuteAsync(
                async token => await client.InsertEventAsync(settings.CalendarId!, request, settings.SendUpdates, token), ct);
            var result = analysis with { Created = created, HtmlLink = booked.HtmlLink, ICalUid = booked.ICalUid };
            if (!created)
            {
                LogExisted(logger, number, booked.Id);
                return Outcome(message, "calendar_event_exists", $"Calendar event for {number} already existed; nothing created again", result);
            }

            LogCreated(logger, number, booked.Id);
            return Outcome(message, "calendar_event_created", $"Calendar event for {number} booked for {message.ProposedStart:yyyy-MM-dd HH:mm} UTC", result);
        }
        catch (CalendarApiException ex) when (!ex.IsTransient)
        {
            LogRejected(logger, number, ex.Summary);
            return Outcome(message, "calendar_event_failed",
                $"The calendar refused the event for {number} ({ex.Summary}); the customer still has the emailed invitation",
                analysis with { Error = ex.Summary });
        }
    }

    private static Interaction Outcome(MeetingRequested message, string action, string summary, CalendarEventAnalysis analysis) =>
        new("resolve", action, message.EmailId, message.TicketId, null, summary, analysis);

    private sealed record CalendarEventAnalysis(string Calendar, string EventId, string IcsUid, DateTimeOffset Start, double Minutes)
    {
        public bool Created { get; init; }
        public string? HtmlLink { get; init; }
        public string? ICalUid { get; init; }
        public string? Error { get; init; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar event {EventId} created for {TicketNumber}")]
    private static partial void LogCreated(ILogger logger, string ticketNumber, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Calendar event {EventId} for {TicketNumber} already existed")]
    private static partial void LogExisted(ILogger logger, string ticketNumber, string eventId);

    [LoggerMessage(Level = LogLevel.Error, Message = "No calendar event for {TicketNumber}: {Reason}; not retried")]
    private static partial void LogRejected(ILogger logger, string ticketNumber, string reason);
}
