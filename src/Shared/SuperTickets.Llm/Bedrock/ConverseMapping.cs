using Microsoft.Extensions.AI;

namespace SuperTickets.Llm.Bedrock;

/// <summary>Maps chat messages and options to a Converse request, and a Converse response back.</summary>
internal static class ConverseMapping
{
    public static ConverseRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var system = new List<ConverseContentBlock>();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            system.Add(new ConverseContentBlock(instructions));
        }
        var turns = new List<ConverseMessage>();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System) system.Add(new ConverseContentBlock(message.Text));
            else if (message.Role == ChatRole.User) turns.Add(new ConverseMessage("user", [new ConverseContentBlock(message.Text)]));
            else if (message.Role == ChatRole.Assistant) turns.Add(new ConverseMessage("assistant", [new ConverseContentBlock(message.Text)]));
            else throw new NotSupportedException($"Messages with role '{message.Role}' are not supported.");
        }
        if (options?.ResponseFormat is ChatResponseFormatJson json)
        {
            system.Add(new ConverseContentBlock(json.Schema is { } schema
                ? $"Answer with only a JSON object, without code fences, that matches this JSON schema: {schema.GetRawText()}"
                : "Answer with only a JSON object, without code fences."));
        }
        var inference = options is null || (options.MaxOutputTokens, options.Temperature, options.TopP, options.StopSequences) is (null, null, null, null or { Count: 0 })
            ? null
            : new ConverseInferenceConfig(options.MaxOutputTokens, options.Temperature, options.TopP, options.StopSequences is { Count: > 0 } stops ? [.. stops] : null);
        return new ConverseRequest(turns, system.Count > 0 ? system : null, inference);
    }

    public static ChatResponse ToResponse(ConverseResponse converse, string? requestId, string modelId)
    {
        var message = converse.Output?.Message;
        var text = string.Concat(message?.Content.Select(c => c.Text).Where(t => t is not null) ?? []);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = requestId,
            ModelId = modelId,
            FinishReason = converse.StopReason switch
            {
                "max_tokens" => ChatFinishReason.Length,
                "content_filtered" or "guardrail_intervened" => ChatFinishReason.ContentFilter,
                "tool_use" => ChatFinishReason.ToolCalls,
                _ => ChatFinishReason.Stop,
            },
            Usage = converse.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokens, OutputTokenCount = usage.OutputTokens, TotalTokenCount = usage.TotalTokens }
                : null,
            RawRepresentation = converse,
        };
    }
}
