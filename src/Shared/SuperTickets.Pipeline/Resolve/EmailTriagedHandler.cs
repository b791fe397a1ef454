using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Knowledge;
using SuperTickets.Llm.Answers;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Resolve.Meetings;
using SuperTickets.Pipeline.Sla;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// Decides what happens to a triaged email: noise is recorded and never answered; a reply joins its ticket
/// (reopening or resuming the clock); a new request is auto-answered from the knowledge base when that is safe,
/// otherwise it becomes a ticket with an SLA, an assignee and an acknowledgement.
/// </summary>
public sealed partial class EmailTriagedHandler(
    DbConnectionFactory factory,
    DbSession session,
    EmailStore emails,
    TicketStore tickets,
    ConversationThreading threading,
    CustomerStore customers,
    TicketSlaStore sla,
    TicketSlaClock slaClock,
    AgentStore agents,
    AgentRoster roster,
    OutboundEmailStore outbound,
    InteractionLog log,
    KnowledgeBase knowledge,
    SlaPlanner planner,
    ReplyComposer composer,
    IMeetingSlotFinder slotFinder,
    AnswerDrafting drafting,
    TicketIdReservations reservations,
    PreparationGate gate,
    IOptions<ResolveOptions> resolveOptions,
    IOptions<MailOptions> mailOptions,
    TimeProvider clock,
    ILogger<EmailTriagedHandler> logger) : IMessageHandler<EmailTriaged>, IBatchPreparer<EmailTriaged>
{
    private readonly Dictionary<long, (ParsedEmailRecord Email, KbAnswerability? Answer, AnswerDraftOutcome? Draft, PrecomposedReply? Reply)> _prepared = [];
    private readonly Dictionary<long, MeetingSlot> _slots = [];
    private readonly SenderHistory _senders = new(customers, outbound);
    private readonly List<string> _batchSenders = [];
    private readonly List<(string Address, string? Name)> _batchRequesters = [];

    /// <summary>
    /// Reads the emails and asks the knowledge base before the transaction (both read-only local work, inside the
    /// <see cref="PreparationGate"/>); then, with the read session closed and the gate left, has the language model
    /// draft the answers the knowledge base can give (when one is configured) and chooses the slots of meeting
    /// requests (from the support calendar when one is configured). Last, it reserves the ticket ids of the likely new
    /// requests and writes their first replies (<see cref="PrecomposeAsync"/>).
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<EmailTriaged> messages, CancellationToken ct)
    {
        List<(EmailTriaged Message, string Tier)> requests;
        using (await gate.EnterAsync(PipelineDepth.Resolve, ct))
        await using (var read = new DbSession(factory)) // back to the pool before the language model or the calendar is asked
        {
            await read.OpenForReadAsync(ct);
            var index = await knowledge.GetAsync(ct);
            var parsed = await emails.GetParsedManyAsync(read, messages.Select(m => m.EmailId).ToList(), ct);
            _batchSenders.AddRange(parsed.Values.Select(e => e.FromAddress));
            foreach (var message in messages)
            {
                if (parsed.TryGetValue(message.EmailId, out var email))
                {
                    var likelyNew = message.Noise is null && message.ExistingTicketId is null && message.DuplicateOfEmailId is null;
                    var answer = likelyNew ? index.Decide(KnowledgeQuery(email), resolveOptions.Value.AutoAnswerThreshold) : null;
                    if (likelyNew)
                    {
                        _batchRequesters.Add((email.FromAddress, email.FromName));
                    }
                    _prepared[message.EmailId] = (email, answer, null, null);
                }
            }
            requests = await NewRequestsAsync(read, messages, ct);
        }
        foreach (var (emailId, draft) in await drafting.DraftAsync(DraftRequests(requests), ct))
        {
            _prepared[emailId] = _prepared[emailId] with { Draft = draft };
        }
        foreach (var message in messages)
        {
            if (message.IsMeetingRequest && message.Noise is null && message.ExistingTicketId is null && message.DuplicateOfEmailId is null)
            {
                _slots[message.EmailId] = await slotFinder.FindAsync(clock.GetUtcNow(), ct);
            }
        }
        await PrecomposeAsync(requests, ct);
    }

    /// <summary>
    /// The new requests of the batch as far as is known before the transaction (not a duplicate, noise, or a reply to a
    /// known ticket or to an earlier message of the batch), with the tier their customer has, or will be given.
    /// </summary>
    private async Task<List<(EmailTriaged Message, string Tier)>> NewRequestsAsync(DbSession read, IReadOnlyList<EmailTriaged> messages, CancellationToken ct)
    {
        var requests = new List<EmailTriaged>();
        var conversations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in messages)
        {
            if (conversations.Add(m.ConversationKey) && _prepared.TryGetValue(m.EmailId, out var p) && p.Answer is not null
                && (await threading.FindTicketAsync(read, p.Email, ct)).TicketId is null)
            {
                requests.Add(m);
            }
        }
        var known = requests.Count == 0 ? new Dictionary<string, CustomerRecord>()
            : await customers.FindManyAsync(read, requests.Select(m => _prepared[m.EmailId].Email.FromAddress), ct);
        return requests.Select(m => (m, known.GetValueOrDefault(CustomerStore.Normalize(_prepared[m.EmailId].Email.FromAddress))?.Tier ?? CustomerStore.NewCustomerTier))
            .ToList();
    }

    /// <summary>The new requests the knowledge base can answer, unless blocked by category, priority, sentiment or a meeting request.</summary>
    private List<(long EmailId, AnswerDraftRequest Request)> DraftRequests(List<(EmailTriaged Message, string Tier)> requests)
    {
        var drafts = new List<(long EmailId, AnswerDraftRequest Request)>();
        foreach (var (m, _) in drafting.IsActive ? requests : [])
        {
            var p = _prepared[m.EmailId];
            if (p.Answer is { IsAnswerable: true, Best: { } best } && AutoAnswerBlockers(m, false).Count == 0)
            {
                drafts.Add((m.EmailId, new AnswerDraftRequest(p.Email.Subject, p.Email.NewText, m.Language, best.Article)));
            }
        }
        return drafts;
    }

    /// <summary>
    /// Reserves a ticket id for each likely new request and writes its first reply as the transaction would if nothing
    /// changes meanwhile (the auto-reply cap not reached, the customer's tier as read), inside the gate: composing MIME
    /// is most of what a new ticket costs, and inside the transaction it would hold the write lock.
    /// </summary>
    private async Task PrecomposeAsync(List<(EmailTriaged Message, string Tier)> requests, CancellationToken ct)
    {
        if (requests.Count == 0)
        {
            return;
        }
        var ticketIds = await reservations.ReserveAsync(requests.Count, ct);
        using (await gate.EnterAsync(PipelineDepth.Resolve, ct))
        {
            var now = clock.GetUtcNow();
            for (var i = 0; i < requests.Count; i++)
            {
                var (m, tier) = requests[i];
                var p = _prepared[m.EmailId];
                var (blockers, drafted) = FirstReplyBlockers(m, p.Answer!, p.Draft, capReached: false);
                var reply = p.Answer!.IsAnswerable && blockers.Count == 0
                    ? FirstReply.AutoAnswer(ticketIds[i], now, p.Answer.Best!.Article, drafted, m.Category, m.Priority)
                    : FirstReply.Acknowledgement(ticketIds[i], now, m.Category, m.Priority,
                        (await planner.PlanAsync(m.Priority, m.Category, tier, now, ct))?.FirstResponseDue);
                _prepared[m.EmailId] = p with { Reply = new PrecomposedReply(reply, reply.Compose(composer, p.Email)) };
            }
        }
    }

    public async Task HandleAsync(EmailTriaged message, MessageContext context, CancellationToken ct)
    {
        if (!_prepared.Remove(message.EmailId, out var prepared))
        {
            prepared = (await emails.GetParsedAsync(session, message.EmailId, ct)
                ?? throw new InvalidOperationException($"Email {message.EmailId} has no parsed view."), null, null, null);
        }
        var email = prepared.Email;
        var decision = new ResolveContext(message, email, context, prepared.Answer, prepared.Draft, prepared.Reply);

        if (message.DuplicateOfEmailId is { } original)
        {
            await IgnoreAsync(decision, "duplicate", $"same Message-ID as email {original} (delivered to another mailbox)", ct);
        }
        else if ((message.ExistingTicketId ?? (await threading.FindTicketAsync(session, email, ct)).TicketId) is { } ticketId)
        {
            await AppendToTicketAsync(decision, ticketId, ct);
        }
        else if (message.Noise is { } noise)
        {
            await IgnoreAsync(decision, "noise", $"{noise}: {email.NoiseReason}", ct);
        }
        else
        {
            await NewRequestAsync(decision, ct);
        }
    }

    private async Task IgnoreAsync(ResolveContext c, string action, string reason, CancellationToken ct)
    {
        emails.SetStatusOnCommit(session, c.Email.RawEmailId, EmailStatus.Ignored);
        await log.AddAsync(session, new Interaction("resolve", "ignored_" + action, c.Email.RawEmailId, null, c.Context.CorrelationId,
            $"No ticket and no reply: {reason}", new { reason }), ct);
        LogIgnored(logger, c.Email.RawEmailId, action);
    }

    private async Task AppendToTicketAsync(ResolveContext c, long ticketId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var ticket = await tickets.GetAsync(session, ticketId, ct) ?? throw new InvalidOperationException($"Ticket {ticketId} vanished.");
        var appended = await tickets.AppendMessageAsync(session, InboundMessage(c.Email, ticketId, now), ct);
        string action;
        if (!appended)
        {
            action = "already_on_ticket";
        }
        else if (c.Message.Noise is not null)
        {
            action = "noise_recorded";
        }
        else if (TicketStatus.IsSolved(ticket.Status))
        {
            await tickets.UpdateStatusAsync(session, ticketId, TicketStatus.Open, now, ct);
            await slaClock.ReopenAsync(session, ticket, ct);
            await PublishTicketEventAsync(c, ticket, TicketEventKinds.Reopened, TicketStatus.Open, "customer replied", ct);
            action = "reopened";
        }
        else
        {
            if (ticket.Status == TicketStatus.Pending)
            {
                await tickets.UpdateStatusAsync(session, ticketId, TicketStatus.Open, now, ct);
                await slaClock.ResumeAsync(session, ticketId, ct);
            }
            await PublishTicketEventAsync(c, ticket, TicketEventKinds.MessageAppended, ticket.Status == TicketStatus.Pending ? TicketStatus.Open : ticket.Status, null, ct);
            action = "appended";
        }
        emails.SetStatusOnCommit(session, c.Email.RawEmailId, c.Message.Noise is null ? EmailStatus.Resolved : EmailStatus.Ignored);
        await log.AddAsync(session, new Interaction("resolve", action, c.Email.RawEmailId, ticketId, c.Context.CorrelationId,
            $"Reply on {TicketNumber.Format(ticketId)} ({ticket.Status}): {action.Replace('_', ' ')}",
            new { previousStatus = ticket.Status, noise = c.Message.Noise }), ct);
    }

    private async Task NewRequestAsync(ResolveContext c, CancellationToken ct)
    {
        var now = c.Precomposed?.Reply.Now ?? clock.GetUtcNow(); // the time the reply was written for, if it was
        var m = c.Message;
        var replyWindow = mailOptions.Value.AutoReplyWindow;
        if (_batchSenders.Count > 0)
        {
            await _senders.LoadAsync(session, _batchSenders, _batchRequesters, now, replyWindow, ct);
            _batchSenders.Clear();
            _batchRequesters.Clear();
        }
        var sender = await _senders.GetAsync(session, c.Email.FromAddress, now, replyWindow, ct);
        var customer = await _senders.CustomerAsync(session, sender, c.Email.FromAddress, c.Email.FromName, now, ct);
        var isVip = customer.Tier == "vip" || m.PriorityReasons.Any(r => r.Contains("vip", StringComparison.OrdinalIgnoreCase));
        var (score, breakdown) = SmartScore.Compute(m.Priority, m.Sentiment, isVip, m.Alerts.Count, sender.RecentTickets, TimeSpan.Zero);
        var answer = c.Answer ?? (await knowledge.GetAsync(ct)).Decide(KnowledgeQuery(c.Email), resolveOptions.Value.AutoAnswerThreshold);
        var capReached = sender.AutomaticReplies >= mailOptions.Value.MaxAutoRepliesPerWindow;
        var (blockers, drafted) = FirstReplyBlockers(m, answer, c.Draft, capReached);

        if (answer.IsAnswerable && blockers.Count == 0)
        {
            var article = answer.Best!.Article;
            var ticketId = await tickets.CreateWithMessageAsync(session,
                NewTicket(c, customer.Id, TicketStatus.SolvedPendingConfirmation, score, breakdown, null, now) with { SolvedAt = now },
                InboundMessage(c.Email, 0, now), ct);
            sender.RecentTickets++;
            var answerRecord = AnswerRecord.From(c.Draft, drafted is not null);
            await SendAsync(c, sender, Reply(c, FirstReply.AutoAnswer(ticketId, now, article, drafted, m.Category, m.Priority)), ct);
            await PublishTicketEventAsync(c, ticketId, m.Priority, m.Category, TicketEventKinds.AutoAnswered, TicketStatus.SolvedPendingConfirmation, article.Id, ct);
            await FinishAsync(c, ticketId, "auto_answered",
                $"Auto-answered with article '{article.Id}' (confidence {answer.Confidence:F2} ≥ {answer.Threshold:F2}), {answerRecord.Describe()}",
                new { article = article.Id, answer.Confidence, answer.Threshold, similarity = answer.Best.Similarity, score, breakdown, answer = answerRecord }, ct);
            return;
        }

        var plan = await planner.PlanAsync(m.Priority, m.Category, customer.Tier, now, ct);
        var assignment = await roster.AssignAsync(session, m.Category, m.Language, ct);
        var newTicketId = await tickets.CreateWithMessageAsync(session,
            NewTicket(c, customer.Id, TicketStatus.New, score, breakdown, plan?.Policy.Id, now) with { AssigneeId = assignment.AgentId }, InboundMessage(c.Email, 0, now), ct);
        sender.RecentTickets++;
        agents.RecordAssignmentOnCommit(session, newTicketId, assignment.AgentId, assignment.Reason);
        if (plan is { } p)
        {
            sla.StartOnCommit(session, newTicketId, p.Policy.Id, p.FirstResponseDue, p.ResolutionDue);
        }
        if (!capReached)
        {
            await SendAsync(c, sender, Reply(c, FirstReply.Acknowledgement(newTicketId, now, m.Category, m.Priority, plan?.FirstResponseDue)), ct);
        }
        if (m.IsMeetingRequest && !capReached)
        {
            var slot = _slots.Remove(m.EmailId, out var found) ? found : DefaultMeetingSlotFinder.Propose(now);
            var mail = mailOptions.Value;
            var ics = IcsInvitation.Create(SupportCall.Uid(newTicketId, mail.MessageIdDomain!), slot.Start, slot.Duration,
                SupportCall.Summary(newTicketId), mail.SupportName, mail.SupportAddress!, c.Email.FromAddress, now);
            await SendAsync(c, sender, composer.MeetingInvitation(c.Email, newTicketId, slot.Start, slot.Duration, ics), ct);
            await c.Context.PublishAsync(Topics.MeetingRequested, c.Message.ConversationKey,
                new MeetingRequested(newTicketId, c.Email.RawEmailId, slot.Start, slot.Duration, $"meeting:{c.Email.RawEmailId}"), ct);
        }
        await PublishTicketEventAsync(c, newTicketId, m.Priority, m.Category, TicketEventKinds.Created, TicketStatus.New, assignment.Reason, ct);
        await FinishAsync(c, newTicketId, "ticket_created",
            $"Ticket {TicketNumber.Format(newTicketId)} ({m.Category}, {m.Priority}); {assignment.Reason}" + (capReached ? "; auto-reply cap reached, no acknowledgement" : ""),
            new
            {
                kbBest = answer.Best?.Article.Id,
                kbConfidence = answer.Confidence,
                autoAnswerBlockers = blockers,
                answerDraft = c.Draft is null ? null : AnswerRecord.From(c.Draft, false),
                slaPolicy = plan?.Policy.Id,
                firstResponseDue = plan?.FirstResponseDue,
                resolutionDue = plan?.ResolutionDue,
                assignment,
                score,
                breakdown,
                meeting = m.IsMeetingRequest,
            }, ct);
    }

    /// <summary>The precomposed reply when it is the one decided on, else <paramref name="reply"/> written now.</summary>
    private OutboundEmailRecord Reply(ResolveContext c, FirstReply reply) =>
        c.Precomposed is { } precomposed && precomposed.Reply == reply ? precomposed.Email : reply.Compose(composer, c.Email);

    /// <summary>
    /// What keeps a new request from being answered automatically (besides the knowledge base's confidence), and the
    /// language model's draft of the answer when it wrote one from the best article.
    /// </summary>
    private (List<string> Blockers, string? DraftedBody) FirstReplyBlockers(EmailTriaged m, KbAnswerability answer, AnswerDraftOutcome? draft, bool capReached)
    {
        var blockers = AutoAnswerBlockers(m, capReached);
        if (draft is { Status: AnswerDraftStatus.NotAnswered } notAnswered && notAnswered.ArticleId == answer.Best?.Article.Id)
        {
            blockers.Add("language model: the article does not answer the request");
        }
        var drafted = answer.Best is { } best && draft is { Accepted: true } accepted && accepted.ArticleId == best.Article.Id ? accepted.Body : null;
        return (blockers, drafted);
    }

    private List<string> AutoAnswerBlockers(EmailTriaged m, bool capReached)
    {
        var settings = resolveOptions.Value;
        var blockers = new List<string>();
        if (!settings.AutoAnswerCategories.Contains(m.Category))
        {
            blockers.Add($"category '{m.Category}' is not answered automatically");
        }
        if (PriorityRank(m.Priority) > PriorityRank(settings.AutoAnswerMaxPriority))
        {
            blockers.Add($"priority {m.Priority}");
        }
        if (m.Sentiment < settings.AutoAnswerMinSentiment)
        {
            blockers.Add($"negative sentiment {m.Sentiment:F2}");
        }
        if (m.IsMeetingRequest)
        {
            blockers.Add("meeting request");
        }
        if (capReached)
        {
            blockers.Add("auto-reply cap for this address reached");
        }
        return blockers;
    }

    /// <summary>Writes an automatic email to the sender and asks respond to send it (once: the idempotency key decides).</summary>
    private async Task SendAsync(ResolveContext c, SenderHistory.Sender sender, OutboundEmailRecord email, CancellationToken ct)
    {
        if (await outbound.TryInsertAsync(session, email, ct) is { } id)
        {
            sender.AutomaticReplies++;
            await c.Context.PublishAsync(Topics.ReplyRequested, c.Message.ConversationKey,
                new ReplyRequested(id, email.TicketId, email.Kind, email.IdempotencyKey), ct);
        }
    }

    private Task PublishTicketEventAsync(ResolveContext c, TicketRecord ticket, string kind, string status, string? detail, CancellationToken ct) =>
        PublishTicketEventAsync(c, ticket.Id, ticket.Priority, ticket.Category, kind, status, detail, ct);

    /// <summary>Publishes from what the handler itself just wrote (a ticket it created is not read back).</summary>
    private Task PublishTicketEventAsync(ResolveContext c, long ticketId, string priority, string category, string kind, string status, string? detail, CancellationToken ct) =>
        c.Context.PublishAsync(Topics.TicketEvents, TicketNumber.Format(ticketId),
            new TicketEvent(ticketId, TicketNumber.Format(ticketId), kind, status, priority, category, clock.GetUtcNow(), detail), ct);

    private async Task FinishAsync(ResolveContext c, long ticketId, string action, string summary, object analysis, CancellationToken ct)
    {
        emails.SetStatusOnCommit(session, c.Email.RawEmailId, EmailStatus.Resolved);
        await log.AddAsync(session, new Interaction("resolve", action, c.Email.RawEmailId, ticketId, c.Context.CorrelationId, summary, analysis), ct);
        LogResolved(logger, c.Email.RawEmailId, action, TicketNumber.Format(ticketId));
    }

    private NewTicket NewTicket(ResolveContext c, long customerId, string status, double score, IReadOnlyDictionary<string, double> breakdown, string? policyId, DateTimeOffset now) => new(
        c.Email.Subject.Length == 0 ? "(no subject)" : c.Email.Subject, customerId, status, c.Message.Priority, c.Message.Category, c.Message.Intent,
        c.Message.Language, c.Message.Sentiment, score, JsonSerializer.Serialize(breakdown), policyId, c.Email.RawEmailId, c.Email.MessageId, now,
        Id: c.Precomposed?.Reply.TicketId);

    private static TicketMessageRecord InboundMessage(ParsedEmailRecord email, long ticketId, DateTimeOffset now) => new()
    {
        TicketId = ticketId,
        RawEmailId = email.RawEmailId,
        MessageId = email.MessageId,
        Direction = "in",
        Author = "customer",
        Body = email.NewText,
        CreatedAt = now,
    };

    private static int PriorityRank(string priority) => priority switch { "low" => 0, "normal" => 1, "high" => 2, "urgent" => 3, _ => 1 };

    private static string KnowledgeQuery(ParsedEmailRecord email) => $"{email.Subject}\n{email.NewText}";

    private sealed record ResolveContext(
        EmailTriaged Message, ParsedEmailRecord Email, MessageContext Context, KbAnswerability? Answer, AnswerDraftOutcome? Draft,
        PrecomposedReply? Precomposed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId}: {Action} ({TicketNumber})")]
    private static partial void LogResolved(ILogger logger, long emailId, string action, string ticketNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, long emailId, string reason);
}
