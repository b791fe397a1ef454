using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperTickets.Llm.Refinement;
using SuperTickets.Llm.Tests.Fakes;

namespace SuperTickets.Llm.Tests;

public sealed class LlmRegistrationTests
{
    [Fact]
    public async Task Without_a_provider_no_chat_client_or_refiner_is_registered_and_the_host_starts()
    {
        await using var host = LlmTestHost.Build(new Dictionary<string, string?>());

        await host.Host.StartAsync();

        Assert.Null(host.Host.Services.GetService<IChatClient>());
        Assert.Null(host.Host.Services.GetService<TriageRefiner>());
        Assert.Equal(LlmProvider.None, host.Host.Services.GetRequiredService<IOptions<LlmOptions>>().Value.Provider);
        await host.Host.StopAsync();
    }

    [Fact]
    public void Unknown_provider_stops_start_up_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LlmTestHost.Build(new Dictionary<string, string?> { ["Llm:Provider"] = "Claude" }));

        Assert.Contains("Llm:Provider", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OpenAI", null, null, null, "Llm:Model is required when Llm:Provider is OpenAI.")]
    [InlineData("OpenAI", "gpt-4o-mini", null, null, "Llm:ApiKey is required when Llm:Provider is OpenAI and Llm:Endpoint is not set.")]
    [InlineData("OpenAI", "gpt-4o-mini", "localhost:11434", "k", "Llm:Endpoint must be an absolute http(s) URL.")]
    [InlineData("Bedrock", "anthropic.claude-3-haiku-20240307-v1:0", null, null, "Llm:Region is required when Llm:Provider is Bedrock.")]
    public async Task Missing_or_invalid_settings_stop_start_up_naming_the_key(string provider, string? model, string? endpoint, string? apiKey, string message)
    {
        await using var host = LlmTestHost.Build(new Dictionary<string, string?>
        {
            ["Llm:Provider"] = provider, ["Llm:Model"] = model, ["Llm:Endpoint"] = endpoint, ["Llm:ApiKey"] = apiKey,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Contains(message, error.Failures);
    }

    [Theory]
    [InlineData("Llm:Timeout", "00:00:00", "Llm:Timeout must be between")]
    [InlineData("Llm:MaxRetries", "-1", "Llm:MaxRetries must be between 0 and 10.")]
    [InlineData("Llm:CircuitBreaker:MinimumThroughput", "1", "Llm:CircuitBreaker:MinimumThroughput must be at least 2.")]
    [InlineData("Llm:RefineBelowConfidence", "1.5", "Llm:RefineBelowConfidence must be between 0 and 1.")]
    [InlineData("Llm:OutputCostPer1kTokens", "-0.1", "Llm:OutputCostPer1kTokens must not be negative.")]
    public async Task Out_of_range_limits_stop_start_up_naming_the_key(string key, string value, string message)
    {
        await using var server = await FakeLlmServer.StartAsync();
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, (key, value)));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync());

        Assert.Contains(error.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Api_key_never_appears_in_the_logs()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(401, OpenAiWire.Error("Incorrect API key provided: sk-test-secret-key", "invalid_request_error", "invalid_api_key"))
              .Then(200, OpenAiWire.Completion(OpenAiWire.Answer("billing", "high", "r")));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));
        await host.Host.StartAsync();

        var rejected = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);
        await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

        Assert.Equal("invalid_api_key (401)", rejected.FallbackReason);
        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("sk-test-secret-key", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("jane.doe", StringComparison.Ordinal));
        await host.Host.StopAsync();
    }
}
