using SuperTickets.Triage;

namespace SuperTickets.Llm.Refinement;

/// <summary>A validated answer of the language model for one email.</summary>
/// <param name="Category">One of the nine support categories.</param>
/// <param name="Priority">The model's priority.</param>
/// <param name="Reason">The model's one-sentence reason.</param>
public sealed record TriageRefinement(string Category, Priority Priority, string Reason);
