using System.Text.Json;
using Microsoft.Extensions.Options;
using SuperTickets.Data;

namespace SuperTickets.Pipeline.Resolve;

/// <summary>
/// The agents and their open-ticket counts that assignment chooses from, shared by the process's resolve consumers.
/// Counting every open ticket costs as much as the backlog is long, so the counts are read at most once per
/// <see cref="ResolveOptions.RosterRefreshInterval"/> and kept current in between by this process's own assignments.
/// Changes made elsewhere (agent edits, tickets solved or reassigned, other resolve processes) count from the next
/// read; so does an assignment whose transaction rolled back.
/// </summary>
public sealed class AgentRoster(TicketStore tickets, AgentStore agents, IOptions<ResolveOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private List<AgentCandidate> _agents = [];
    private long? _lastAssigned;
    private DateTimeOffset? _readAt;

    /// <summary>Chooses the agent of a new ticket (see <see cref="Assigner"/>) and counts the ticket as theirs.</summary>
    public async Task<AssignmentDecision> AssignAsync(DbSession session, string category, string language, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (_readAt is not { } readAt || now - readAt >= options.Value.RosterRefreshInterval || now < readAt)
            {
                await ReadAsync(session, ct);
                _readAt = now;
            }
            var decision = Assigner.Choose(_agents, category, language, _lastAssigned);
            if (decision.AgentId is { } agentId)
            {
                var index = _agents.FindIndex(a => a.Id == agentId);
                _agents[index] = _agents[index] with { OpenTickets = _agents[index].OpenTickets + 1 };
                _lastAssigned = agentId;
            }
            return decision;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ReadAsync(DbSession session, CancellationToken ct)
    {
        var loads = await tickets.OpenLoadByAgentAsync(session, ct);
        _agents = (await agents.ListAsync(session, ct)).Select(a => new AgentCandidate(
            a.Id,
            JsonSerializer.Deserialize<List<string>>(a.SkillsJson) ?? [],
            JsonSerializer.Deserialize<List<string>>(a.LanguagesJson) ?? [],
            a.MaxConcurrent, a.Status, loads.GetValueOrDefault(a.Id))).ToList();
        _lastAssigned = await agents.LastAssignedAgentAsync(session, ct);
    }
}
