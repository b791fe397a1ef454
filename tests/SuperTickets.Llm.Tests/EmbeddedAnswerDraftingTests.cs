using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using SuperTickets.Llm.Answers;
using SuperTickets.Llm.Tests.Fakes;
using SuperTickets.Mail;

namespace SuperTickets.Llm.Tests;

/// <summary>
/// The one-command run over samples/ with a language model configured: emails the knowledge base answers get a reply the
/// model drafted from the article, when the draft is grounded; otherwise the article template, or a ticket when the
/// model says the article does not answer.
/// </summary>
public sealed partial class EmbeddedAnswerDraftingTests : IAsyncLifetime
{
    private const string DraftOpening = "Short answer from our help centre:";
    private const string TemplateOpening = "This article from our help centre should answer your question";
    private EmbeddedLlmRun _run = null!;

    public async Task InitializeAsync() => _run = await EmbeddedLlmRun.StartAsync();

    public async Task DisposeAsync() => await _run.DisposeAsync();

    [Fact]
    public async Task Knowledge_base_answers_are_drafted_by_the_model_and_cite_the_article()
    {
        RespondToDrafts(articleId => OpenAiWire.Draft("answered", articleId,
            $"{DraftOpening} follow the steps in the article named below, in the order given, and reply if anything is unclear."));

        Assert.Equal(0, await _run.RunOnceAsync());

        var answers = await AutoAnswersAsync();
        Assert.NotEmpty(answers);
        Assert.Equal(DraftRequests().Count, answers.Count);
        foreach (var a in answers)
        {
            Assert.Equal(("llm", "accepted", "passed"), (a.Answer.GetProperty("mode").GetString(), a.Answer.GetProperty("draft").GetString(), a.Answer.GetProperty("grounding").GetString()));
            var usage = a.Answer.GetProperty("usage");
            Assert.Equal(("openai", "gpt-4o-mini", 700, 60, 0.0252m), (usage.GetProperty("provider").GetString(), usage.GetProperty("model").GetString(),
                usage.GetProperty("inputTokens").GetInt32(), usage.GetProperty("outputTokens").GetInt32(), usage.GetProperty("cost").GetDecimal()));
            Assert.Empty(a.Answer.GetProperty("rejected").EnumerateArray());
            Assert.EndsWith("drafted by openai gpt-4o-mini, grounding passed", a.Summary, StringComparison.Ordinal);
            Assert.Contains(DraftOpening, a.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(TemplateOpening, a.Text, StringComparison.Ordinal);
            Assert.Contains($"(Source: knowledge-base article \"{a.ArticleId}\".)", a.Text, StringComparison.Ordinal);
            Assert.Contains("goes straight to our team", a.Text, StringComparison.Ordinal);
        }
        Assert.Equal(answers.Select(a => a.ArticleId).Order(), DraftRequests().Select(r => ArticleIdAsked(r.Body)).Order());
        await using var db = _run.Open();
        var senders = (await db.QueryAsync<string>(
            "SELECT p.from_address FROM parsed_emails p JOIN support_interactions i ON i.raw_email_id = p.raw_email_id WHERE i.action = 'auto_answered'")).ToList();
        Assert.All(DraftRequests(), r => Assert.All(senders, sender => Assert.DoesNotContain(sender, r.Body, StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(await db.QueryAsync<string>("SELECT analysis_json FROM support_interactions WHERE stage = 'resolve'"),
            json => json.Contains(DraftOpening, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ungrounded_drafts_fall_back_to_the_template_answer()
    {
        RespondToDrafts(articleId => OpenAiWire.Draft("answered", articleId,
            "Good news: we refund you €25 today. Claim it at https://refunds.nimbus-help.example/claim before the offer ends."));

        Assert.Equal(0, await _run.RunOnceAsync());

        var answers = await AutoAnswersAsync();
        Assert.NotEmpty(answers);
        foreach (var a in answers)
        {
            Assert.Equal(("template", "rejected", "failed"), (a.Answer.GetProperty("mode").GetString(), a.Answer.GetProperty("draft").GetString(), a.Answer.GetProperty("grounding").GetString()));
            Assert.Equal([GroundingChecker.UnknownUrl, GroundingChecker.UnknownPrice], a.Answer.GetProperty("rejected").EnumerateArray().Select(e => e.GetString()!));
            Assert.Contains("template answer (draft rejected: URL not in the article; price not in the article or request)", a.Summary, StringComparison.Ordinal);
            Assert.Contains(TemplateOpening, a.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("refunds.nimbus-help.example", a.Text, StringComparison.Ordinal);
            Assert.Contains($"(Source: knowledge-base article \"{a.ArticleId}\".)", a.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_failing_model_changes_nothing_but_the_log_and_the_template_answer_is_sent()
    {
        _run.Server.Otherwise(503, OpenAiWire.Error("overloaded", "server_error", null));

        Assert.Equal(0, await _run.RunOnceAsync());

        var answers = await AutoAnswersAsync();
        Assert.NotEmpty(answers);
        Assert.All(answers, a =>
        {
            Assert.Equal(("template", "failed"), (a.Answer.GetProperty("mode").GetString(), a.Answer.GetProperty("draft").GetString()));
            Assert.Contains(a.Answer.GetProperty("rejected")[0].GetString(), new[] { "server_error (503)", "circuit open" });
            Assert.False(a.Answer.TryGetProperty("grounding", out _));
            Assert.Contains(TemplateOpening, a.Text, StringComparison.Ordinal);
        });
        await using var db = _run.Open();
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dead_letters"));
    }

    [Fact]
    public async Task When_the_model_says_the_article_does_not_answer_a_ticket_is_opened()
    {
        RespondToDrafts(articleId => OpenAiWire.Draft("not_answered", articleId, ""));

        Assert.Equal(0, await _run.RunOnceAsync());

        Assert.Empty(await AutoAnswersAsync());
        await using var db = _run.Open();
        var created = (await db.QueryAsync<string>("SELECT analysis_json FROM support_interactions WHERE action = 'ticket_created'"))
            .Select(json => JsonDocument.Parse(json).RootElement)
            .Where(a => a.TryGetProperty("answerDraft", out _))
            .ToList();
        Assert.Equal(DraftRequests().Count, created.Count);
        Assert.NotEmpty(created);
        Assert.All(created, a =>
        {
            Assert.Equal("not_answered", a.GetProperty("answerDraft").GetProperty("draft").GetString());
            Assert.Contains("language model: the article does not answer the request",
                a.GetProperty("autoAnswerBlockers").EnumerateArray().Select(e => e.GetString()));
        });
    }

    [Fact]
    public async Task With_answers_switched_off_the_model_is_not_asked_and_the_template_is_sent()
    {
        RespondToDrafts(articleId => OpenAiWire.Draft("answered", articleId, DraftOpening + " this should never be asked for."));

        Assert.Equal(0, await _run.RunOnceAsync(("Resolve:LlmAnswers:Enabled", "false")));

        Assert.Empty(DraftRequests());
        var answers = await AutoAnswersAsync();
        Assert.NotEmpty(answers);
        Assert.All(answers, a => Assert.Equal("template", a.Answer.GetProperty("mode").GetString()));
        Assert.All(answers, a => Assert.False(a.Answer.TryGetProperty("draft", out _)));
        Assert.All(answers, a => Assert.Contains(TemplateOpening, a.Text, StringComparison.Ordinal));
    }

    /// <summary>Drafting questions get <paramref name="draft"/> for the article they name; triage questions are refused (400), so triage stays local.</summary>
    private void RespondToDrafts(Func<string, string> draft) => _run.Server.Respond(request =>
        request.Body.Contains("\"kb_answer\"", StringComparison.Ordinal)
            ? new FakeResponse(200, OpenAiWire.Completion(draft(ArticleIdAsked(request.Body)), 700, 60))
            : new FakeResponse(400, OpenAiWire.Error("not in this test", "invalid_request_error", "unsupported")));

    private List<ReceivedRequest> DraftRequests() =>
        _run.Server.Requests.Where(r => r.Body.Contains("\"kb_answer\"", StringComparison.Ordinal)).ToList();

    private static string ArticleIdAsked(string body) => ArticleIdPattern().Match(body).Groups[1].Value;

    private async Task<List<AutoAnswer>> AutoAnswersAsync()
    {
        await using var db = _run.Open();
        var rows = await db.QueryAsync<(string Summary, string Analysis, byte[] Content)>(
            """
            SELECT i.summary, i.analysis_json, o.content FROM support_interactions i
            JOIN outbound_emails o ON o.ticket_id = i.ticket_id AND o.kind = 'auto_answer'
            WHERE i.stage = 'resolve' AND i.action = 'auto_answered' ORDER BY i.id
            """);
        return rows.Select(r =>
        {
            var analysis = JsonDocument.Parse(r.Analysis).RootElement;
            return new AutoAnswer(analysis.GetProperty("article").GetString()!, r.Summary, analysis.GetProperty("answer"),
                MimeParser.Parse(r.Content).TextBody ?? "");
        }).ToList();
    }

    [GeneratedRegex(@"Knowledge-base article \(id: ([a-z0-9-]+),")]
    private static partial Regex ArticleIdPattern();

    private sealed record AutoAnswer(string ArticleId, string Summary, JsonElement Answer, string Text);
}
