using SuperTickets.Llm.Tests.Fakes;
using SuperTickets.Triage;

namespace SuperTickets.Llm.Tests;

public sealed class BedrockRefinementTests
{
    [Fact]
    public async Task Throttled_converse_call_is_retried_and_the_answer_accepted_with_cost()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(429, BedrockWire.Error("Too many requests, please wait before trying again."), BedrockWire.ErrorHeaders("ThrottlingException"))
              .Then(200, BedrockWire.Converse(OpenAiWire.Answer("account_access", "urgent", "Locked out before a deadline."), 800, 30));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server,
            ("Llm:InputCostPer1kTokens", "0.00025"), ("Llm:OutputCostPer1kTokens", "0.00125")), LlmTestHost.TestCredentials);

        var outcome = await host.Refiner.RefineAsync("Cannot log in", "My account is locked and I present in an hour.", Samples.Unsure(), CancellationToken.None);

        Assert.Equal(new Refinement.TriageRefinement("account_access", Priority.Urgent, "Locked out before a deadline."), outcome.Refinement);
        Assert.Equal(("bedrock", BedrockWire.Model, 800L, 30L, 0.0002375m), (outcome.Usage.Provider, outcome.Usage.Model, outcome.Usage.InputTokens, outcome.Usage.OutputTokens, outcome.Usage.Cost));
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(SigV4Verifier.Verify(r, BedrockWire.AccessKey, BedrockWire.SecretKey, "bedrock").Valid));
    }

    [Fact]
    public async Task Validation_exception_falls_back_without_retrying()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(400, BedrockWire.Error("The provided model identifier is invalid."), BedrockWire.ErrorHeaders("ValidationException"));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Equal("ValidationException (400)", outcome.FallbackReason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Malformed_model_text_falls_back_but_counts_the_tokens()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, BedrockWire.Converse("Sure! The category is billing.", 500, 12));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);

        var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Equal("invalid answer: answer is not valid JSON", outcome.FallbackReason);
        Assert.Equal((500L, 12L), (outcome.Usage.InputTokens, outcome.Usage.OutputTokens));
    }

    [Fact]
    public async Task Personal_data_is_redacted_before_the_signed_request_leaves()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, BedrockWire.Converse(OpenAiWire.Answer("billing", "high", "Double charge.")));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);

        await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.DoesNotContain("jane.doe@example.com", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("4111 1111", request.Body, StringComparison.Ordinal);
        Assert.Contains("[email]", request.Body, StringComparison.Ordinal);
        Assert.True(SigV4Verifier.Verify(request, BedrockWire.AccessKey, BedrockWire.SecretKey, "bedrock").Valid);
    }
}
