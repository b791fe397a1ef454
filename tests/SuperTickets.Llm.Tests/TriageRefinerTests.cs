using System.Diagnostics;
using SuperTickets.Llm.Tests.Fakes;
using SuperTickets.Triage;

namespace SuperTickets.Llm.Tests;

public sealed class TriageRefinerTests
{
    [Fact]
    public async Task Valid_answer_is_accepted_with_tokens_and_cost()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Answer("billing", "high", "Double charge on the subscription."), 1500, 40));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server,
            ("Llm:InputCostPer1kTokens", "0.15"), ("Llm:OutputCostPer1kTokens", "0.6")));

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.True(outcome.Accepted);
        Assert.Equal(new Refinement.TriageRefinement("billing", Priority.High, "Double charge on the subscription."), outcome.Refinement);
        Assert.Null(outcome.FallbackReason);
        Assert.Equal(("openai", "gpt-4o-mini", 1500L, 40L), (outcome.Usage.Provider, outcome.Usage.Model, outcome.Usage.InputTokens, outcome.Usage.OutputTokens));
        Assert.Equal(0.249m, outcome.Usage.Cost);
        Assert.Contains(host.Logs.Lines, l => l.Contains("accepted", StringComparison.Ordinal) && l.Contains("InputTokens=1500", StringComparison.Ordinal) && l.Contains("Cost=0.249", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Question_carries_the_schema_the_local_guess_and_the_email()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Answer("billing", "normal", "r")));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure("general", 0.31f), CancellationToken.None);

        var body = Assert.Single(server.Requests).Body;
        Assert.Contains("\"json_schema\"", body, StringComparison.Ordinal);
        Assert.Contains("account_access", body, StringComparison.Ordinal);
        Assert.Contains("category general (confidence 0.31), priority normal", body, StringComparison.Ordinal);
        Assert.Contains("Subject: Charged twice this month", body, StringComparison.Ordinal);
        Assert.Contains("\"temperature\":0", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_question_is_retried_and_then_accepted()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(429, OpenAiWire.Error("Rate limit reached", "requests", "rate_limit_exceeded"), new Dictionary<string, string> { ["retry-after-ms"] = "20" })
              .Then(200, OpenAiWire.Completion(OpenAiWire.Answer("refunds", "normal", "Wants money back.")));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.True(outcome.Accepted);
        Assert.Equal("refunds", outcome.Refinement?.Category);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_exhaust_the_retries_and_fall_back()
    {
        await using var server = await FakeLlmServer.StartAsync();
        for (var i = 0; i < 3; i++) server.Then(503, OpenAiWire.Error("overloaded", "server_error", null));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:MaxRetries", "2")));

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.False(outcome.Accepted);
        Assert.Equal("server_error (503)", outcome.FallbackReason);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(0, outcome.Usage.InputTokens);
    }

    [Fact]
    public async Task Rejected_request_is_not_retried()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(400, OpenAiWire.Error("bad schema", "invalid_request_error", "invalid_json_schema"));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Equal("invalid_json_schema (400)", outcome.FallbackReason);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("I think this is about billing.", "answer is not valid JSON")]
    [InlineData("""{"category":"invoices","priority":"high","reason":"x"}""", "category is not one of the known categories")]
    [InlineData("""{"category":"billing","priority":"critical","reason":"x"}""", "priority is not one of low, normal, high, urgent")]
    [InlineData("""{"category":"billing","priority":"high"}""", "a required property is missing")]
    [InlineData("""{"category":"billing","priority":"high","reason":"x","confidence":"0.9"}""", "unexpected or repeated property 'other'")]
    [InlineData("""{"category":"billing","priority":"high","reason":3}""", "'reason' is not a string")]
    [InlineData("""["billing","high","x"]""", "answer is not a JSON object")]
    [InlineData("""{"category":"billing","priority":"high","reason":"  "}""", "reason is empty or longer than 500 characters")]
    [InlineData("", "empty answer")]
    public async Task Malformed_model_output_falls_back_with_its_reason_and_still_counts_tokens(string content, string reason)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(content, 200, 15));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:InputCostPer1kTokens", "1")));

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Null(outcome.Refinement);
        Assert.Equal($"invalid answer: {reason}", outcome.FallbackReason);
        Assert.Equal((200L, 15L, 0.2m), (outcome.Usage.InputTokens, outcome.Usage.OutputTokens, outcome.Usage.Cost));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Answer_in_a_code_fence_is_accepted()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion("```json\n" + OpenAiWire.Answer("shipping", "low", "Where is my parcel.") + "\n```"));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Equal(Priority.Low, outcome.Refinement?.Priority);
    }

    [Fact]
    public async Task Slow_endpoint_times_out_each_attempt_and_falls_back()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion(OpenAiWire.Answer("billing", "low", "warm-up")))
              .Then(200, OpenAiWire.Completion("{}"), delay: TimeSpan.FromSeconds(10))
              .Then(200, OpenAiWire.Completion("{}"), delay: TimeSpan.FromSeconds(10));
        await using (var warm = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:Timeout", "00:00:30"))))
        {
            // JIT and first connection with time to spare: on a loaded machine they took more than 500 ms.
            Assert.True((await warm.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None)).Accepted);
        }
        // 1.5 s per attempt: with 500 ms, a full test run on two cores once let an attempt time out before its request
        // had reached the server. Still far below the server's 10 s delay.
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:Timeout", "00:00:01.500"), ("Llm:MaxRetries", "1")));
        var watch = Stopwatch.StartNew();

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Equal("timed out", outcome.FallbackReason);
        Assert.Equal(3, server.Requests.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"took {watch.Elapsed}");
        Assert.InRange(outcome.Usage.LatencyMs, 3000, 8000);
    }

    [Fact]
    public async Task Circuit_opens_after_failures_and_later_questions_fail_fast_without_a_request()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(500, OpenAiWire.Error("boom", "server_error", null)).Then(500, OpenAiWire.Error("boom", "server_error", null));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server,
            ("Llm:MaxRetries", "0"), ("Llm:CircuitBreaker:MinimumThroughput", "2"), ("Llm:CircuitBreaker:FailureRatio", "0.5"),
            ("Llm:CircuitBreaker:BreakDuration", "00:01:00")));

        var first = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);
        var second = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);
        var third = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Equal("server_error (500)|server_error (500)|circuit open", $"{first.FallbackReason}|{second.FallbackReason}|{third.FallbackReason}");
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Unreachable_endpoint_falls_back()
    {
        var server = await FakeLlmServer.StartAsync();
        var settings = LlmTestHost.OpenAi(server, ("Llm:MaxRetries", "1"));
        await server.DisposeAsync();
        await using var host = LlmTestHost.Build(settings);

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Equal("connection_failed (no response)", outcome.FallbackReason);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_swallowed()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion("{}"), delay: TimeSpan.FromSeconds(5));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), cancel.Token));
    }

    [Theory]
    [InlineData(true, 0.95f, true)]
    [InlineData(false, 0.49f, true)]
    [InlineData(false, 0.5f, false)]
    [InlineData(false, 0.9f, false)]
    public async Task Refinement_is_wanted_when_unsure_or_below_the_threshold(bool unsure, float confidence, bool expected)
    {
        await using var server = await FakeLlmServer.StartAsync();
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:RefineBelowConfidence", "0.5")));
        var local = Samples.Confident("billing", confidence) with { CategoryUnsure = unsure };

        Assert.Equal(expected, host.Refiner.ShouldRefine(local));
    }
}
