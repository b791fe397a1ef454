namespace SuperTickets.Llm.Refinement;

/// <summary>What one language model question cost: recorded per email in the interaction log.</summary>
/// <param name="Provider">bedrock or openai.</param>
/// <param name="Model">The model that answered (or was asked, when no answer came).</param>
/// <param name="InputTokens">Prompt tokens the service counted (0 without an answer).</param>
/// <param name="OutputTokens">Answer tokens the service counted.</param>
/// <param name="Cost">Tokens priced with Llm:InputCostPer1kTokens and Llm:OutputCostPer1kTokens.</param>
/// <param name="LatencyMs">Wall time of the call, retries included.</param>
public sealed record LlmUsage(string Provider, string Model, long InputTokens, long OutputTokens, decimal Cost, long LatencyMs);
