using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Triage;

namespace SuperTickets.Llm.Refinement;

/// <summary>
/// Asks the language model for category and priority of an email the local model is unsure about. The answer must
/// match a JSON schema and is validated strictly; anything else (errors, throttling, timeouts, an open circuit, malformed
/// output) is a fallback to the local result. Every question is accounted for in tokens, cost and latency.
/// </summary>
public sealed partial class TriageRefiner(IChatClient client, IOptions<LlmOptions> options, TimeProvider clock, ILogger<TriageRefiner> logger)
{
    private const string SchemaName = "triage_refinement";

    private static readonly string Instructions =
        "You are the triage step of a customer support desk. Read the customer's email and choose its category and priority.\n" +
        "Categories: billing (invoices, charges, payment methods), technical (how to use the product, configuration, errors), " +
        "account_access (login, password, two-factor, locked accounts), shipping (delivery, tracking, address), refunds (money back, returns, cancellations), " +
        "feature_request (asks for something the product does not do), bug_report (the product misbehaves), complaint (dissatisfaction with the service), " +
        "general (anything else).\n" +
        "Priorities: low (no time pressure), normal, high (customer blocked or money at stake), urgent (outage, security incident, legal threat, or a deadline within hours).\n" +
        "The local model's guess and confidence are given for reference; a low confidence means it is likely wrong.\n" +
        "Answer with one JSON object and nothing else, matching this JSON schema: " + RefinementAnswer.Schema.GetRawText();

    /// <summary>Questions in flight at once from one batch (Llm:MaxConcurrency).</summary>
    public int MaxConcurrency => options.Value.MaxConcurrency;

    /// <summary>True when the local result is unsure or below Llm:RefineBelowConfidence.</summary>
    public bool ShouldRefine(TriageResult local)
    {
        ArgumentNullException.ThrowIfNull(local);
        return local.CategoryUnsure || local.CategoryConfidence < options.Value.RefineBelowConfidence;
    }

    public async Task<TriageRefinementOutcome> RefineAsync(string subject, string body, TriageResult local, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(local);
        var settings = options.Value;
        var chatOptions = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = settings.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(RefinementAnswer.Schema, SchemaName, "Category and priority of one support email."),
        };
        var prompt = Prompt(subject ?? "", body ?? "", local, settings.MaxInputChars);
        var (response, failure, usage) = await LlmCall.AskAsync(client, settings, clock, prompt, chatOptions, null, ct).ConfigureAwait(false);
        var (provider, input, output) = (usage.Provider, usage.InputTokens, usage.OutputTokens);
        if (response is null)
        {
            LogFallback(logger, provider, usage.Model, 0, 0, 0m, usage.LatencyMs, failure!);
            return new TriageRefinementOutcome(null, failure, usage);
        }

        var (refinement, error) = RefinementAnswer.Parse(response.Text);
        if (refinement is null)
        {
            var reason = $"invalid answer: {error}";
            LogFallback(logger, provider, usage.Model, input, output, usage.Cost, usage.LatencyMs, reason);
            return new TriageRefinementOutcome(null, reason, usage);
        }
        LogAccepted(logger, provider, usage.Model, input, output, usage.Cost, usage.LatencyMs);
        return new TriageRefinementOutcome(refinement, null, usage);
    }

    internal static List<ChatMessage> Prompt(string subject, string body, TriageResult local, int maxBodyChars)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Local model: category {local.Category} (confidence {local.CategoryConfidence:0.00}), priority {local.Priority.ToString().ToLowerInvariant()}.\n")
            .Append("Subject: ").Append(subject).Append("\n\n")
            .Append(body.Length <= maxBodyChars ? body : body[..maxBodyChars])
            .ToString();
        return [new ChatMessage(ChatRole.System, Instructions), new ChatMessage(ChatRole.User, text)];
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Language model triage answer accepted from {Provider} {Model}: {InputTokens} input and {OutputTokens} output tokens, cost {Cost}, {LatencyMs} ms")]
    private static partial void LogAccepted(ILogger logger, string provider, string model, long inputTokens, long outputTokens, decimal cost, long latencyMs);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Language model triage fell back to the local model ({Reason}) from {Provider} {Model}: {InputTokens} input and {OutputTokens} output tokens, cost {Cost}, {LatencyMs} ms")]
    private static partial void LogFallback(ILogger logger, string provider, string model, long inputTokens, long outputTokens, decimal cost, long latencyMs, string reason);
}
