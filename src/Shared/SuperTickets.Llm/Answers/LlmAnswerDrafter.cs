using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SuperTickets.Knowledge;
using SuperTickets.Llm.Privacy;
using SuperTickets.Llm.Refinement;

namespace SuperTickets.Llm.Answers;

/// <summary>
/// Asks the language model to answer a customer's request from one knowledge-base article, as a JSON object that
/// cites the article (or says the article does not answer), then checks the draft with <see cref="GroundingChecker"/>.
/// The customer's text is redacted here already when <c>Llm:RedactPii</c> is on, so the checks compare the draft with
/// exactly what the model saw; the article, written by the operator, is sent as is.
/// </summary>
public sealed partial class LlmAnswerDrafter(
    IChatClient client,
    IOptions<LlmOptions> options,
    IOptions<LlmAnswerOptions> answerOptions,
    TimeProvider clock,
    ILogger<LlmAnswerDrafter> logger) : IAnswerDrafter
{
    private const string SchemaName = "kb_answer";

    private static readonly string Instructions =
        "You write the body of a reply from a customer support desk. You are given the customer's email and one article from the " +
        "support knowledge base.\n" +
        "Rules:\n" +
        "- Answer the customer's question using only what the article says. Add no facts, steps, links, email addresses, phone " +
        "numbers, prices, durations, percentages or other numbers that are not in the article.\n" +
        "- Write in the customer's language when the article's content can be stated faithfully in it; otherwise in the article's language.\n" +
        "- Write plain text: no greeting, no sign-off, no subject line, no Markdown links and no placeholders. Short paragraphs or " +
        "a numbered list are fine. Do not promise anything the article does not promise.\n" +
        "- Words in square brackets in the customer's email, such as [email] or [phone], hide personal data: never repeat them.\n" +
        "- Set article_id to the id of the article. If the article does not answer the customer's question, set status to " +
        "\"not_answered\" and body to an empty string; otherwise set status to \"answered\".\n" +
        "Answer with one JSON object and nothing else, matching this JSON schema: " + DraftAnswerFormat.Schema.GetRawText();

    public async Task<AnswerDraftOutcome> DraftAsync(AnswerDraftRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var limits = answerOptions.Value;
        var article = request.Article;
        var customer = CustomerText(request, settings);
        var articleText = ArticleText(article, limits.MaxArticleChars);
        var chatOptions = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = limits.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(DraftAnswerFormat.Schema, SchemaName, "A reply drafted from one knowledge-base article."),
        };
        var (response, failure, usage) = await LlmCall.AskAsync(
            client, settings, clock, Prompt(request, customer, articleText), chatOptions, limits.Timeout, ct).ConfigureAwait(false);
        var outcome = Judge(response, failure, usage, article.Id, articleText, customer, limits.MaxDraftChars);
        LogDraft(logger, outcome.Status, article.Id, string.Join("; ", outcome.Reasons), usage.Provider, usage.Model,
            usage.InputTokens, usage.OutputTokens, usage.Cost, usage.LatencyMs);
        return outcome;
    }

    /// <summary>The customer's subject and text as the model sees them: cut to Llm:MaxInputChars, redacted when configured.</summary>
    internal static string CustomerText(AnswerDraftRequest request, LlmOptions settings)
    {
        var body = request.CustomerText.Length <= settings.MaxInputChars ? request.CustomerText : request.CustomerText[..settings.MaxInputChars];
        var text = $"Subject: {request.Subject}\n\n{body}";
        return settings.RedactPii ? PiiRedactor.Redact(text) : text;
    }

    /// <summary>The article as the model sees it: title and body, the body cut to Resolve:LlmAnswers:MaxArticleChars.</summary>
    internal static string ArticleText(KbArticle article, int maxChars)
    {
        var body = article.Body.Trim();
        return $"{article.Title}\n\n{(body.Length <= maxChars ? body : body[..maxChars])}";
    }

    /// <summary>Instructions, then one user turn: the customer's email, and the article marked as operator text (never redacted).</summary>
    internal static List<ChatMessage> Prompt(AnswerDraftRequest request, string customer, string articleText)
    {
        var email = $"Customer's language: {request.Language}\nCustomer's email:\n{customer}\n\n";
        var article = $"Knowledge-base article (id: {request.Article.Id}, language: {request.Article.Language}):\n{articleText}\n";
        return
        [
            new ChatMessage(ChatRole.System, Instructions),
            new ChatMessage(ChatRole.User, [new TextContent(email), PiiRedactingChatClient.OperatorText(article)]),
        ];
    }

    private static AnswerDraftOutcome Judge(
        ChatResponse? response, string? failure, LlmUsage usage, string articleId, string articleText, string customer, int maxDraftChars)
    {
        if (response is null)
        {
            return new AnswerDraftOutcome(AnswerDraftStatus.Failed, articleId, null, [failure ?? "no answer"], usage);
        }
        var (answer, error) = DraftAnswerFormat.Parse(response.Text);
        if (answer is null)
        {
            return new AnswerDraftOutcome(AnswerDraftStatus.Failed, articleId, null, [$"invalid answer: {error}"], usage);
        }
        if (!answer.Answered)
        {
            return new AnswerDraftOutcome(AnswerDraftStatus.NotAnswered, articleId, null, ["the article does not answer the request"], usage);
        }
        var verdict = GroundingChecker.Check(answer.Body, answer.ArticleId, articleId, articleText, customer, maxDraftChars);
        return verdict.Grounded
            ? new AnswerDraftOutcome(AnswerDraftStatus.Accepted, articleId, answer.Body, [], usage)
            : new AnswerDraftOutcome(AnswerDraftStatus.Rejected, articleId, null, verdict.Violations, usage);
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Language model answer draft {Status} for article {ArticleId} ({Reasons}) from {Provider} {Model}: {InputTokens} input and {OutputTokens} output tokens, cost {Cost}, {LatencyMs} ms")]
    private static partial void LogDraft(ILogger logger, AnswerDraftStatus status, string articleId, string reasons, string provider, string model,
        long inputTokens, long outputTokens, decimal cost, long latencyMs);
}
