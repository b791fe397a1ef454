using System.Text.Json;

namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>Responses in the documented shape of Bedrock's Converse operation.</summary>
public static class BedrockWire
{
    public const string Model = "anthropic.claude-3-haiku-20240307-v1:0";
    public const string AccessKey = "AKIDEXAMPLETEST";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    public const string SessionToken = "session-token-example";

    public static string Converse(string text, int inputTokens = 300, int outputTokens = 25, string stopReason = "end_turn") =>
        JsonSerializer.Serialize(new
        {
            output = new { message = new { role = "assistant", content = new[] { new { text } } } },
            stopReason,
            usage = new { inputTokens, outputTokens, totalTokens = inputTokens + outputTokens },
            metrics = new { latencyMs = 412 },
        });

    public static string Error(string message) => JsonSerializer.Serialize(new { message });

    public static Dictionary<string, string> ErrorHeaders(string type) => new()
    {
        ["x-amzn-ErrorType"] = $"{type}:http://internal.amazon.com/coral/com.amazon.bedrock/",
        ["x-amzn-RequestId"] = "5d7e9b1a-0000-4000-8000-000000000000",
    };
}
