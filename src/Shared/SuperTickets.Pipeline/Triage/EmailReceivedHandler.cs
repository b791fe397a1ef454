using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Data;
using SuperTickets.Llm.Refinement;
using SuperTickets.Messaging;
using SuperTickets.Triage;

namespace SuperTickets.Pipeline.Triage;

/// <summary>
/// Understands one email: is it noise (no auto-reply allowed), which conversation it continues (as far as is
/// known yet: resolve decides, in conversation order), what it is about, how urgent, in which language.
/// The analysis, and the optional language model question for unsure results, run before the transaction; the
/// transaction records them, logs every input, score and language model cost, and publishes <see cref="EmailTriaged"/>.
/// </summary>
public sealed partial class EmailReceivedHandler(
    DbConnectionFactory factory,
    DbSession session,
    EmailStore emails,
    ConversationThreading threading,
    CustomerStore customers,
    InteractionLog log,
    TriageEngine engine,
    PreparationGate gate,
    IOptions<TriageOptions> options,
    TimeProvider clock,
    ILogger<EmailReceivedHandler> logger) : IMessageHandler<EmailReceived>, IBatchPreparer<EmailReceived>
{
    private readonly Dictionary<long, TriageDecision> _prepared = [];

    public async Task PrepareAsync(IReadOnlyList<EmailReceived> messages, CancellationToken ct)
    {
        using (await gate.EnterAsync(PipelineDepth.Triage, ct))
        await using (var read = new DbSession(factory))
        {
            await read.OpenForReadAsync(ct);
            foreach (var decision in await DecideAllAsync(read, messages, ct))
            {
                _prepared[decision.Email.RawEmailId] = decision;
            }
        }
        await RefineUnsureAsync(ct);
    }

    public async Task HandleAsync(EmailReceived message, MessageContext context, CancellationToken ct)
    {
        if (!_prepared.Remove(message.EmailId, out var decision))
        {
            decision = (await DecideAllAsync(session, [message], ct)).SingleOrDefault()
                ?? throw new InvalidOperationException($"Email {message.EmailId} has no parsed view.");
        }
        var (email, triaged, analysis) = decision;
        emails.SetStatusOnCommit(session, email.RawEmailId, EmailStatus.Triaged);
        await log.AddAsync(session, new Interaction("triage", "classified", email.RawEmailId, triaged.ExistingTicketId, context.CorrelationId,
            $"{triaged.Category} ({triaged.CategoryConfidence:P0}), {triaged.Priority}, {triaged.Language}" +
            (email.NoiseKind is null ? "" : $", noise: {email.NoiseKind}") +
            (triaged.ExistingTicketId is { } ticket ? $", thread of {TicketNumber.Format(ticket)} by {analysis.Threading.ThreadedBy}" : "") +
            (analysis.Llm is { } llm ? (llm.Accepted ? $", refined by {llm.Usage.Provider}" : $", language model fell back: {llm.FallbackReason}") : ""),
            analysis), ct);
        await context.PublishAsync(Topics.EmailTriaged, message.ConversationKey, triaged, ct);
        LogTriaged(logger, email.RawEmailId, triaged.Category, triaged.Priority, triaged.Language, email.NoiseKind ?? "none");
    }

    /// <summary>
    /// Decides every message that has a parsed view; the emails, their earlier copies, their senders and the senders'
    /// recent tickets are read with one statement each for the whole batch. A message without a parsed view is left out,
    /// so that it fails on its own in <see cref="HandleAsync"/> and the messages before it still commit.
    /// </summary>
    private async Task<List<TriageDecision>> DecideAllAsync(DbSession reader, IReadOnlyList<EmailReceived> messages, CancellationToken ct)
    {
        var settings = options.Value;
        var parsed = await emails.GetParsedManyAsync(reader, messages.Select(m => m.EmailId).ToList(), ct);
        var firstCopies = await emails.FindFirstCopiesAsync(reader, parsed.Values.Select(e => e.MessageId).OfType<string>().ToList(), ct);
        var known = await customers.FindManyAsync(reader, parsed.Values.Select(e => e.FromAddress), ct);
        var recentTickets = await customers.CountTicketsSinceManyAsync(
            reader, known.Values.Select(c => c.Id).ToList(), clock.GetUtcNow() - settings.RepeatedContactWindow, ct);

        var decisions = new List<TriageDecision>(messages.Count);
        foreach (var message in messages)
        {
            if (!parsed.TryGetValue(message.EmailId, out var email))
            {
                continue;
            }
            var (existing, threadedBy) = await threading.FindTicketAsync(reader, email, ct);
            long? duplicateOf = email.MessageId is { } messageId && firstCopies.TryGetValue(messageId, out var first) && first < email.RawEmailId ? first : null;
            var customer = known.GetValueOrDefault(CustomerStore.Normalize(email.FromAddress));
            var domain = email.FromAddress[(email.FromAddress.LastIndexOf('@') + 1)..].ToLowerInvariant();
            var isVip = customer?.Tier == "vip" || settings.VipDomains.Contains(domain, StringComparer.OrdinalIgnoreCase);
            var prior = customer is null ? 0 : recentTickets.GetValueOrDefault(customer.Id);

            var result = engine.Analyze(new TriageInput(email.Subject, email.NewText, domain, isVip, prior, settings.AlertKeywords));
            var triaged = new EmailTriaged(
                email.RawEmailId, message.ConversationKey, result.Category, Math.Round(result.CategoryConfidence, 4), result.CategoryUnsure,
                result.Intent, result.Priority.ToString().ToLowerInvariant(), result.PriorityReasons, Math.Round(result.Sentiment, 3),
                result.Language, email.NoiseKind, existing, result.IsMeetingRequest, result.MatchedAlerts, duplicateOf);
            var analysis = new TriageAnalysis(
                new TriageInputs(email.Subject.Length, email.NewText.Length, domain, isVip, prior),
                result,
                new NoiseVerdict(email.NoiseKind, email.NoiseReason),
                new ThreadingVerdict(existing, threadedBy, duplicateOf),
                null);
            decisions.Add(new TriageDecision(email, triaged, analysis));
        }
        return decisions;
    }

    /// <summary>
    /// Asks the language model about the prepared emails the local model is unsure of, after the read session is
    /// closed and before any transaction: the calls may take seconds and must never hold database locks.
    /// </summary>
    private async Task RefineUnsureAsync(CancellationToken ct)
    {
        var unsure = _prepared
            .Where(p => p.Value.Email.NoiseKind is null && engine.WantsRefinement(p.Value.Analysis.Result))
            .Select(p => p.Value)
            .ToList();
        if (unsure.Count == 0)
        {
            return;
        }
        var refined = new TriageDecision[unsure.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = engine.RefinementConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, unsure.Count), parallel, async (i, token) => refined[i] = await RefineAsync(unsure[i], token));
        foreach (var decision in refined)
        {
            _prepared[decision.Email.RawEmailId] = decision;
        }
    }

    private async Task<TriageDecision> RefineAsync(TriageDecision decision, CancellationToken ct)
    {
        var (email, triaged, analysis) = decision;
        var (result, outcome) = await engine.RefineAsync(email.Subject, email.NewText, analysis.Result, ct);
        var usage = outcome.Usage;
        LogRefinement(logger, email.RawEmailId, outcome.Accepted ? "accepted" : "fallback", outcome.FallbackReason ?? "none",
            usage.Provider, usage.Model, usage.InputTokens, usage.OutputTokens, usage.Cost, usage.LatencyMs);
        return new TriageDecision(
            email,
            triaged with
            {
                Category = result.Category,
                CategoryUnsure = result.CategoryUnsure,
                Priority = result.Priority.ToString().ToLowerInvariant(),
                PriorityReasons = result.PriorityReasons,
            },
            analysis with { Llm = outcome });
    }

    private sealed record TriageDecision(ParsedEmailRecord Email, EmailTriaged Triaged, TriageAnalysis Analysis);

    private sealed record TriageAnalysis(
        TriageInputs Inputs, TriageResult Result, NoiseVerdict Noise, ThreadingVerdict Threading, TriageRefinementOutcome? Llm);

    private sealed record TriageInputs(int SubjectChars, int TextChars, string SenderDomain, bool IsVip, int PriorContacts);

    private sealed record NoiseVerdict(string? Kind, string? Reason);

    private sealed record ThreadingVerdict(long? ExistingTicketId, string? ThreadedBy, long? DuplicateOf);

    [LoggerMessage(Level = LogLevel.Information, Message = "Triaged email {EmailId}: {Category}, {Priority}, {Language}, noise {Noise}")]
    private static partial void LogTriaged(ILogger logger, long emailId, string category, string priority, string language, string noise);

    [LoggerMessage(Level = LogLevel.Information, Message = "Language model {Outcome} for email {EmailId} ({Reason}) via {Provider} {Model}: {InputTokens} input and {OutputTokens} output tokens, cost {Cost}, {LatencyMs} ms")]
    private static partial void LogRefinement(ILogger logger, long emailId, string outcome, string reason, string provider, string model, long inputTokens, long outputTokens, decimal cost, long latencyMs);
}
