using System.Diagnostics;
using System.Text.Json;
using SuperTickets.Llm.Answers;
using SuperTickets.Llm.Tests.Fakes;
using SuperTickets.Testing;

namespace SuperTickets.Llm.Tests;

public sealed class AnswerDrafterTests
{
    private static readonly AnswerDraftRequest Request = new(Samples.Subject, Samples.Body, "en", Samples.Article);

    [Fact]
    public async Task Question_carries_the_article_as_written_and_the_request_redacted()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Draft("answered", "charged-twice", Samples.FaithfulDraft)));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        await host.Drafter.DraftAsync(Request, CancellationToken.None);

        var body = Assert.Single(server.Requests).Body;
        var messages = JsonDocument.Parse(body).RootElement.GetProperty("messages");
        var user = messages[1].GetProperty("content").GetString()!;
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Contains("only what the article says", messages[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.All(
            ["Knowledge-base article (id: charged-twice, language: en):\nCharged twice for one period", "write to support@nimbus.example",
                "call +44 20 7946 0000", "Customer's language: en", "Subject: Charged twice this month", "[email]", "[phone]", "[card]", "[iban]", "Order 48213"],
            value => Assert.Contains(value, user, StringComparison.Ordinal));
        Assert.All(["jane.doe@example.com", "7946 0958", "4111 1111"], value => Assert.DoesNotContain(value, body, StringComparison.Ordinal));
        Assert.All(["\"json_schema\"", "\"kb_answer\"", "\"temperature\":0", "\"max_completion_tokens\":800"],
            value => Assert.Contains(value, body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Grounded_structured_answer_is_accepted_with_tokens_and_cost()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Draft("answered", "charged-twice", Samples.FaithfulDraft), 1200, 150));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server,
            ("Llm:InputCostPer1kTokens", "0.15"), ("Llm:OutputCostPer1kTokens", "0.6")));

        var outcome = await host.Drafter.DraftAsync(Request, CancellationToken.None);

        Assert.True(outcome.Accepted);
        Assert.Equal((AnswerDraftStatus.Accepted, "charged-twice", Samples.FaithfulDraft.Trim()), (outcome.Status, outcome.ArticleId, outcome.Body));
        Assert.Empty(outcome.Reasons);
        Assert.Equal(("openai", "gpt-4o-mini", 1200L, 150L, 0.27m), (outcome.Usage.Provider, outcome.Usage.Model, outcome.Usage.InputTokens, outcome.Usage.OutputTokens, outcome.Usage.Cost));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Accepted", StringComparison.Ordinal) && l.Contains("InputTokens=1200", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("double charge", StringComparison.OrdinalIgnoreCase) || l.Contains("Charged twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_models_sentinel_means_the_article_does_not_answer()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Draft("not_answered", "charged-twice", ""), 900, 12));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var outcome = await host.Drafter.DraftAsync(Request, CancellationToken.None);

        Assert.Equal(AnswerDraftStatus.NotAnswered, outcome.Status);
        Assert.Null(outcome.Body);
        Assert.Equal(["the article does not answer the request"], outcome.Reasons);
        Assert.Equal(900L, outcome.Usage.InputTokens);
    }

    [Fact]
    public async Task Ungrounded_answer_is_rejected_with_the_broken_rules()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Draft("answered", "charged-twice",
            "We refund €19.99 to your card today. Track it at https://refunds.example/status or call +1 212 555 0147.")));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var outcome = await host.Drafter.DraftAsync(Request, CancellationToken.None);

        Assert.Equal(AnswerDraftStatus.Rejected, outcome.Status);
        Assert.Null(outcome.Body);
        Assert.Equal([GroundingChecker.UnknownUrl, GroundingChecker.UnknownPhone, GroundingChecker.UnknownPrice], outcome.Reasons);
    }

    [Fact]
    public async Task Server_errors_exhaust_the_retries_and_fail()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Otherwise(503, OpenAiWire.Error("overloaded", "server_error", null));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:MaxRetries", "2")));

        var outcome = await host.Drafter.DraftAsync(Request, CancellationToken.None);

        Assert.Equal((AnswerDraftStatus.Failed, "server_error (503)"), (outcome.Status, Assert.Single(outcome.Reasons)));
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(0, outcome.Usage.InputTokens);
    }

    [Fact]
    public async Task Draft_timeout_covers_the_retries_and_fails()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Otherwise(200, OpenAiWire.Completion(OpenAiWire.Draft("answered", "charged-twice", Samples.FaithfulDraft)));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:Timeout", "00:00:05"), ("Resolve:LlmAnswers:Timeout", "00:00:00.400")));
        // A first draft connects and compiles the client, so that the 400 ms budget below is spent waiting on the
        // server and not on start-up (under a loaded machine the request could otherwise be cancelled before it is sent).
        // On a loaded machine that first draft can itself outlast the budget, so drafts go until one is accepted.
        await Eventually.UntilAsync(
            async () => (await host.Drafter.DraftAsync(Request, CancellationToken.None)).Status == AnswerDraftStatus.Accepted,
            "a warm-up draft was accepted within the budget", TimeSpan.FromSeconds(30));
        var warmUpRequests = server.Requests.Count;
        server.Then(200, OpenAiWire.Completion("{}"), delay: TimeSpan.FromSeconds(10));
        var watch = Stopwatch.StartNew();

        var outcome = await host.Drafter.DraftAsync(Request, CancellationToken.None);

        Assert.Equal((AnswerDraftStatus.Failed, "timed out"), (outcome.Status, Assert.Single(outcome.Reasons)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), $"took {watch.Elapsed}");
        Assert.Equal(warmUpRequests + 1, server.Requests.Count);
    }

    [Theory]
    [InlineData("Here is your answer: refunds take two business days.", "answer is not valid JSON")]
    [InlineData("""{"status":"answered","body":"x"}""", "a required property is missing")]
    [InlineData("""{"status":"maybe","article_id":"charged-twice","body":"x"}""", "status is neither answered nor not_answered")]
    [InlineData("""{"status":"answered","article_id":"charged-twice","body":"x","links":"y"}""", "unexpected or repeated property 'other'")]
    [InlineData("""{"status":"answered","article_id":7,"body":"x"}""", "'article_id' is not a string")]
    [InlineData("", "empty answer")]
    public async Task Garbage_output_fails_with_its_reason_and_still_counts_the_tokens(string content, string reason)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(content, 300, 40));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var outcome = await host.Drafter.DraftAsync(Request, CancellationToken.None);

        Assert.Equal((AnswerDraftStatus.Failed, $"invalid answer: {reason}"), (outcome.Status, Assert.Single(outcome.Reasons)));
        Assert.Equal((300L, 40L), (outcome.Usage.InputTokens, outcome.Usage.OutputTokens));
    }

    [Fact]
    public async Task Answer_in_a_code_fence_is_read()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion("```json\n" + OpenAiWire.Draft("answered", "charged-twice", Samples.FaithfulDraft) + "\n```"));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        Assert.True((await host.Drafter.DraftAsync(Request, CancellationToken.None)).Accepted);
    }

    [Fact]
    public async Task Open_circuit_fails_fast_without_a_request()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Otherwise(500, OpenAiWire.Error("boom", "server_error", null));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server,
            ("Llm:MaxRetries", "0"), ("Llm:CircuitBreaker:MinimumThroughput", "2"), ("Llm:CircuitBreaker:BreakDuration", "00:01:00")));

        await host.Drafter.DraftAsync(Request, CancellationToken.None);
        await host.Drafter.DraftAsync(Request, CancellationToken.None);
        var third = await host.Drafter.DraftAsync(Request, CancellationToken.None);

        Assert.Equal((AnswerDraftStatus.Failed, "circuit open"), (third.Status, Assert.Single(third.Reasons)));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Caller_cancellation_while_the_model_works_is_passed_on_not_turned_into_a_fallback()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion("{}"), delay: TimeSpan.FromSeconds(5));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Resolve:LlmAnswers:Timeout", "00:00:10")));
        using var cancel = new CancellationTokenSource();

        var draft = host.Drafter.DraftAsync(Request, cancel.Token);
        var waited = Stopwatch.StartNew();
        while (server.Requests.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(10);
        await cancel.CancelAsync();

        Assert.Single(server.Requests);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => draft);
    }

    [Fact]
    public async Task Bedrock_converse_answer_is_drafted_and_signed()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, BedrockWire.Converse(OpenAiWire.Draft("answered", "charged-twice", Samples.FaithfulDraft), 1100, 140));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);

        var outcome = await host.Drafter.DraftAsync(Request, CancellationToken.None);

        Assert.True(outcome.Accepted);
        Assert.Equal(("bedrock", 1100L), (outcome.Usage.Provider, outcome.Usage.InputTokens));
        var request = Assert.Single(server.Requests);
        Assert.True(SigV4Verifier.Verify(request, BedrockWire.AccessKey, BedrockWire.SecretKey, "bedrock").Valid);
        Assert.Contains("article_id", request.Body, StringComparison.Ordinal);
        Assert.Contains("support@nimbus.example", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", request.Body, StringComparison.Ordinal);
    }
}
