namespace SuperTickets.Llm.Refinement;

/// <summary>The result of asking the language model about one email.</summary>
/// <param name="Refinement">The validated answer, or null when triage keeps the local model's result.</param>
/// <param name="FallbackReason">Why the answer was not used (content-free: error type, validation rule); null when accepted.</param>
/// <param name="Usage">Tokens, cost and latency of the question.</param>
public sealed record TriageRefinementOutcome(TriageRefinement? Refinement, string? FallbackReason, LlmUsage Usage)
{
    public bool Accepted => Refinement is not null;
}
