using SuperTickets.Pipeline.Resolve;

namespace SuperTickets.Pipeline.Tests;

public sealed class AssignerTests
{
    private static AgentCandidate Agent(long id, int open, int max = 5, string[]? skills = null, string[]? languages = null, string status = "available") =>
        new(id, skills ?? ["billing"], languages ?? ["en"], max, status, open);

    [Fact]
    public void Least_loaded_eligible_agent_gets_the_ticket()
    {
        var decision = Assigner.Choose([Agent(1, 3), Agent(2, 1), Agent(3, 2)], "billing", "en", null);
        Assert.Equal(2, decision.AgentId);
        Assert.Contains("least loaded", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Equally_loaded_agents_take_turns_after_the_last_assigned()
    {
        var agents = new[] { Agent(1, 0), Agent(2, 0), Agent(3, 0) };
        Assert.Equal(3, Assigner.Choose(agents, "billing", "en", lastAssignedAgentId: 2).AgentId);
        Assert.Equal(1, Assigner.Choose(agents, "billing", "en", lastAssignedAgentId: 3).AgentId);
    }

    [Fact]
    public void Round_robin_spreads_a_stream_of_tickets_evenly()
    {
        var open = new Dictionary<long, int> { [1] = 0, [2] = 0, [3] = 0 };
        long? last = null;
        for (var i = 0; i < 12; i++)
        {
            var decision = Assigner.Choose(open.Select(kv => Agent(kv.Key, kv.Value, max: 10)).ToList(), "billing", "en", last);
            last = decision.AgentId!.Value;
            open[last.Value]++;
        }
        Assert.All(open.Values, count => Assert.Equal(4, count));
    }

    [Fact]
    public void Agents_at_capacity_away_or_without_skill_or_language_are_skipped()
    {
        var agents = new[]
        {
            Agent(1, 5, max: 5),
            Agent(2, 0, status: "away"),
            Agent(3, 0, skills: ["shipping"]),
            Agent(4, 0, languages: ["de"]),
            Agent(5, 4, max: 5),
        };
        Assert.Equal(5, Assigner.Choose(agents, "billing", "en", null).AgentId);
    }

    [Fact]
    public void Nobody_eligible_leaves_the_ticket_unassigned_with_the_reason()
    {
        var full = Assigner.Choose([Agent(1, 5, max: 5)], "billing", "en", null);
        Assert.Null(full.AgentId);
        Assert.Equal("unassigned: every eligible agent is at capacity", full.Reason);

        var language = Assigner.Choose([Agent(1, 0, languages: ["de"])], "billing", "ja", null);
        Assert.Equal("unassigned: no available 'billing' agent speaks 'ja'", language.Reason);
    }

    [Fact]
    public void Wildcard_skill_and_no_language_list_accept_anything()
    {
        var decision = Assigner.Choose([Agent(7, 0, skills: ["*"], languages: [])], "complaint", "ja", null);
        Assert.Equal(7, decision.AgentId);
    }
}
