using System.Net;
using System.Text.Json;
using Microsoft.Extensions.AI;
using SuperTickets.Llm.Tests.Fakes;

namespace SuperTickets.Llm.Tests;

public sealed class OpenAiCompatibleChatClientTests
{
    [Fact]
    public async Task Chat_request_follows_the_chat_completions_format_and_the_answer_maps_back()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion("hello there", promptTokens: 11, completionTokens: 3, model: "gpt-4o-mini-2024-07-18"));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server, ("Llm:RedactPii", "false")));

        var response = await host.ChatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "be brief"), new ChatMessage(ChatRole.User, "hi")],
            new ChatOptions { Temperature = 0, MaxOutputTokens = 50, StopSequences = ["END"] });

        Assert.Equal("hello there", response.Text);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
        Assert.Equal("gpt-4o-mini-2024-07-18", response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-test-secret-key", request.Header("Authorization"));
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("gpt-4o-mini", root.GetProperty("model").GetString());
        Assert.Equal(["system", "user"], root.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("hi", root.GetProperty("messages")[1].GetProperty("content").GetString());
        Assert.Equal(50, root.GetProperty("max_completion_tokens").GetInt32());
        Assert.Equal("END", root.GetProperty("stop")[0].GetString());
    }

    [Fact]
    public async Task Json_schema_response_format_is_sent_as_a_strict_json_schema()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion("{}"));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}""").RootElement;

        await host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")],
            new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "thing") });

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var format = body.RootElement.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("thing", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.Equal("object", format.GetProperty("json_schema").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Error_answer_surfaces_status_error_code_and_retry_after()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(403, OpenAiWire.Error("not allowed", "invalid_request_error", "model_not_found"), new Dictionary<string, string> { ["retry-after"] = "7" });
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("model_not_found", error.ErrorType);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.False(error.IsTransient);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Unreadable_success_body_is_a_request_error_not_a_crash()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, "<html>gateway page</html>");
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));

        Assert.Equal("invalid_response", error.ErrorType);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task Streaming_yields_the_whole_answer()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, OpenAiWire.Completion("streamed text"));
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var response = await host.ChatClient.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "x")]).ToChatResponseAsync();

        Assert.Equal("streamed text", response.Text);
    }

    [Fact]
    public async Task Metadata_names_the_provider_model_and_endpoint()
    {
        await using var server = await FakeLlmServer.StartAsync();
        await using var host = LlmTestHost.Build(LlmTestHost.OpenAi(server));

        var metadata = host.ChatClient.GetService<ChatClientMetadata>();

        Assert.Equal("openai", metadata?.ProviderName);
        Assert.Equal("gpt-4o-mini", metadata?.DefaultModelId);
        Assert.Equal(new Uri(server.BaseAddress, "v1/"), metadata?.ProviderUri);
    }
}
