using Microsoft.Extensions.AI;
using SuperTickets.Llm.Refinement;

namespace SuperTickets.Llm;

/// <summary>What one question returned: the response, or the content-free reason there is none; and what it cost.</summary>
internal sealed record LlmCallResult(ChatResponse? Response, string? Failure, LlmUsage Usage);
