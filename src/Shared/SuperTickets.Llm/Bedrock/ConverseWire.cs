using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperTickets.Llm.Bedrock;

/// <summary>The JSON bodies of Bedrock's Converse operation (the subset this client sends and reads).</summary>
internal static class ConverseWire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record ConverseRequest(
    IReadOnlyList<ConverseMessage> Messages,
    IReadOnlyList<ConverseContentBlock>? System,
    ConverseInferenceConfig? InferenceConfig);

internal sealed record ConverseMessage(string Role, IReadOnlyList<ConverseContentBlock> Content);

internal sealed record ConverseContentBlock(string? Text);

internal sealed record ConverseInferenceConfig(int? MaxTokens, float? Temperature, float? TopP, IReadOnlyList<string>? StopSequences);

internal sealed record ConverseResponse(ConverseOutput? Output, string? StopReason, ConverseUsage? Usage);

internal sealed record ConverseOutput(ConverseMessage? Message);

internal sealed record ConverseUsage(long? InputTokens, long? OutputTokens, long? TotalTokens);

internal sealed record ConverseError(string? Message, [property: JsonPropertyName("__type")] string? Type);
