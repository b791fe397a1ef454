namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// Picks the least-loaded available agent who has the category skill, speaks the language and has free capacity;
/// among equals, round-robin after the agent who was assigned last.
/// </summary>
public static class Assigner
{
    public static AssignmentDecision Choose(IReadOnlyList<AgentCandidate> agents, string category, string language, long? lastAssignedAgentId)
    {
        var available = agents.Where(a => a.Status == "available").ToList();
        var skilled = available.Where(a => a.Skills.Contains(category) || a.Skills.Contains("*")).ToList();
        var speaking = skilled.Where(a => a.Languages.Count == 0 || a.Languages.Contains(language)).ToList();
        var withCapacity = speaking.Where(a => a.OpenTickets < a.MaxConcurrent).ToList();
        if (withCapacity.Count == 0)
        {
            var reason = available.Count == 0 ? "no agent is available"
                : skilled.Count == 0 ? $"no available agent has the '{category}' skill"
                : speaking.Count == 0 ? $"no available '{category}' agent speaks '{language}'"
                : $"every eligible agent is at capacity";
            return new AssignmentDecision(null, "unassigned: " + reason);
        }
        var least = withCapacity.Min(a => a.OpenTickets);
        var tied = withCapacity.Where(a => a.OpenTickets == least).OrderBy(a => a.Id).ToList();
        var next = tied.FirstOrDefault(a => a.Id > (lastAssignedAgentId ?? long.MinValue)) ?? tied[0];
        var tieNote = tied.Count > 1 ? $", round-robin among {tied.Count} equally loaded" : "";
        return new AssignmentDecision(next.Id,
            $"least loaded eligible agent ({next.OpenTickets}/{next.MaxConcurrent} open) with skill '{category}' and language '{language}'{tieNote}");
    }
}
