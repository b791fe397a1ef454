namespace SuperTickets.Llm.Answers;

/// <summary>Whether a draft may be sent: it may when there are no violations.</summary>
/// <param name="Violations">Content-free descriptions of the rules the draft breaks, each once, in rule order.</param>
public sealed record GroundingVerdict(IReadOnlyList<string> Violations)
{
    public bool Grounded => Violations.Count == 0;
}
