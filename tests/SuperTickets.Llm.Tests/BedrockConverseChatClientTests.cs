using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using SuperTickets.Llm.Tests.Fakes;

namespace SuperTickets.Llm.Tests;

public sealed partial class BedrockConverseChatClientTests
{
    [Fact]
    public async Task Converse_request_goes_to_the_model_path_with_messages_system_and_inference_config()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, BedrockWire.Converse("hello there", 31, 4), new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-1" });
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server, ("Llm:RedactPii", "false")), LlmTestHost.TestCredentials);

        var response = await host.ChatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "be brief"), new ChatMessage(ChatRole.User, "hi")],
            new ChatOptions { Temperature = 0, MaxOutputTokens = 50, StopSequences = ["END"] });

        Assert.Equal("hello there", response.Text);
        Assert.Equal((31L, 4L, 35L), (response.Usage?.InputTokenCount, response.Usage?.OutputTokenCount, response.Usage?.TotalTokenCount));
        Assert.Equal(("req-1", BedrockWire.Model, ChatFinishReason.Stop), (response.ResponseId, response.ModelId, response.FinishReason));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse"), (request.Method, request.Path));
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("user", root.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal("hi", root.GetProperty("messages")[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("be brief", root.GetProperty("system")[0].GetProperty("text").GetString());
        var inference = root.GetProperty("inferenceConfig");
        Assert.Equal((50, 0d, "END"), (inference.GetProperty("maxTokens").GetInt32(), inference.GetProperty("temperature").GetDouble(), inference.GetProperty("stopSequences")[0].GetString()));
    }

    [Fact]
    public async Task Request_carries_a_valid_sigv4_signature_for_bedrock_in_the_region()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, BedrockWire.Converse("ok"));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);

        await host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        var request = Assert.Single(server.Requests);
        var authorization = request.Header("Authorization");
        Assert.Matches(AuthorizationShape(), authorization);
        Assert.Contains("/eu-central-1/bedrock/aws4_request", authorization, StringComparison.Ordinal);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token", authorization, StringComparison.Ordinal);
        Assert.Matches(@"^\d{8}T\d{6}Z$", request.Header("X-Amz-Date"));
        Assert.Equal(BedrockWire.SessionToken, request.Header("X-Amz-Security-Token"));
        var (valid, scope) = SigV4Verifier.Verify(request, BedrockWire.AccessKey, BedrockWire.SecretKey, "bedrock");
        Assert.True(valid, "signature does not match the request as received");
        Assert.EndsWith("/eu-central-1/bedrock/aws4_request", scope, StringComparison.Ordinal);
        Assert.False(SigV4Verifier.Verify(request with { Body = request.Body + " " }, BedrockWire.AccessKey, BedrockWire.SecretKey, "bedrock").Valid);
    }

    [Fact]
    public async Task Json_schema_is_stated_in_the_system_prompt()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, BedrockWire.Converse("{}"));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);
        var schema = JsonDocument.Parse("""{"type":"object","required":["a"]}""").RootElement;

        await host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "thing") });

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var system = body.RootElement.GetProperty("system")[0].GetProperty("text").GetString();
        Assert.Contains("""{"type":"object","required":["a"]}""", system, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "ValidationException", false)]
    [InlineData(403, "AccessDeniedException", false)]
    [InlineData(404, "ResourceNotFoundException", false)]
    [InlineData(429, "ThrottlingException", true)]
    [InlineData(408, "ModelTimeoutException", true)]
    [InlineData(500, "InternalServerException", true)]
    [InlineData(503, "ServiceUnavailableException", true)]
    public async Task Error_answers_surface_their_type_and_whether_a_retry_may_help(int status, string type, bool transient)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(status, BedrockWire.Error("The request failed."), BedrockWire.ErrorHeaders(type));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server, ("Llm:MaxRetries", "0")), LlmTestHost.TestCredentials);

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));

        Assert.Equal(((HttpStatusCode)status, type, transient), (error.StatusCode, error.ErrorType, error.IsTransient));
        Assert.Contains("The request failed.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_type_is_read_from_the_body_when_the_header_is_missing()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(400, """{"__type":"com.amazon.coral.validate#ValidationException","message":"bad"}""");
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));

        Assert.Equal("ValidationException", error.ErrorType);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("""{"stopReason":"end_turn"}""")]
    [InlineData("""{"output":{"message":{"role":"assistant","content":"oops"}}}""")]
    public async Task Malformed_converse_body_is_an_invalid_response(string body)
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, body);
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);

        var error = await Assert.ThrowsAsync<LlmRequestException>(() => host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));

        Assert.Equal((HttpStatusCode.OK, "invalid_response", false), (error.StatusCode, error.ErrorType, error.IsTransient));
    }

    [Fact]
    public async Task Max_tokens_stop_reason_maps_to_length()
    {
        await using var server = await FakeLlmServer.StartAsync();
        server.Then(200, BedrockWire.Converse("{\"category\":", stopReason: "max_tokens"));
        await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server), LlmTestHost.TestCredentials);

        var response = await host.ChatClient.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
    }

    [Fact]
    public async Task Default_endpoint_is_the_regional_bedrock_runtime_host()
    {
        using var http = new HttpClient();
        using var client = new Bedrock.BedrockConverseChatClient(http, BedrockWire.Model, "us-west-2");

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.Equal(new Uri("https://bedrock-runtime.us-west-2.amazonaws.com/"), metadata?.ProviderUri);
        Assert.Equal(("bedrock", BedrockWire.Model), (metadata?.ProviderName, metadata?.DefaultModelId));
    }

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLETEST/\d{8}/eu-central-1/bedrock/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$")]
    private static partial Regex AuthorizationShape();
}
