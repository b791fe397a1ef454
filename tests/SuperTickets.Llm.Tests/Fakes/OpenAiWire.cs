using System.Text.Json;

namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>Responses in the documented shape of the OpenAI chat completions API.</summary>
public static class OpenAiWire
{
    public static string Completion(string content, int promptTokens = 120, int completionTokens = 20, string model = "gpt-4o-mini", string finishReason = "stop") =>
        JsonSerializer.Serialize(new
        {
            id = "chatcmpl-abc123",
            @object = "chat.completion",
            created = 1_767_225_600,
            model,
            choices = new[]
            {
                new { index = 0, message = new { role = "assistant", content, refusal = (string?)null }, logprobs = (object?)null, finish_reason = finishReason },
            },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
            system_fingerprint = "fp_test",
        });

    public static string Error(string message, string type, string? code) =>
        JsonSerializer.Serialize(new { error = new { message, type, param = (string?)null, code } });

    public static string Draft(string status, string articleId, string body) =>
        JsonSerializer.Serialize(new { status, article_id = articleId, body });

    public static string Answer(string category, string priority, string reason) =>
        JsonSerializer.Serialize(new { category, priority, reason });
}
