using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests;

public sealed class AgentRosterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Assignments_between_reads_count_towards_the_agents_load()
    {
        await using var db = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        var clock = new FixedClock(Start);
        await SeedAgentsAsync(db, clock);
        var roster = Roster(db, clock, TimeSpan.FromSeconds(2));

        var chosen = new List<long?>();
        for (var i = 0; i < 4; i++)
        {
            chosen.Add(await AssignAsync(db, roster));
        }

        var (ana, ben) = await IdsAsync(db);
        Assert.Equal([ana, ben, ana, ben], chosen);
    }

    [Fact]
    public async Task Agent_changes_made_elsewhere_count_from_the_next_read()
    {
        await using var db = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        var clock = new FixedClock(Start);
        await SeedAgentsAsync(db, clock);
        var roster = Roster(db, clock, TimeSpan.FromSeconds(2));
        var (ana, ben) = await IdsAsync(db);
        Assert.Equal(ana, await AssignAsync(db, roster));

        await new AgentStore(db.Factory, clock).UpsertAsync(Agent("Ben", "ben@example.test") with { Status = "away" }, default);
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(ben, await AssignAsync(db, roster));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.Equal(ana, await AssignAsync(db, roster));
        Assert.Equal(ana, await AssignAsync(db, roster));
    }

    [Fact]
    public async Task A_zero_interval_reads_the_agents_for_every_assignment()
    {
        await using var db = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        var clock = new FixedClock(Start);
        await SeedAgentsAsync(db, clock);
        var roster = Roster(db, clock, TimeSpan.Zero);
        var (ana, _) = await IdsAsync(db);
        await AssignAsync(db, roster);

        await new AgentStore(db.Factory, clock).UpsertAsync(Agent("Ben", "ben@example.test") with { Status = "away" }, default);
        Assert.Equal(ana, await AssignAsync(db, roster));
    }

    private static AgentRoster Roster(TestDatabase db, TimeProvider clock, TimeSpan interval) =>
        new(new TicketStore(db.Factory), new AgentStore(db.Factory, clock),
            Options.Create(new ResolveOptions { RosterRefreshInterval = interval }), clock);

    private static async Task<long?> AssignAsync(TestDatabase db, AgentRoster roster)
    {
        await using var session = new DbSession(db.Factory);
        await session.BeginAsync(default);
        var decision = await roster.AssignAsync(session, "billing", "en", default);
        await session.CommitAsync(default);
        return decision.AgentId;
    }

    private static async Task SeedAgentsAsync(TestDatabase db, TimeProvider clock)
    {
        var store = new AgentStore(db.Factory, clock);
        await store.UpsertAsync(Agent("Ana", "ana@example.test"), default);
        await store.UpsertAsync(Agent("Ben", "ben@example.test"), default);
    }

    private static async Task<(long Ana, long Ben)> IdsAsync(TestDatabase db)
    {
        var agents = await new AgentStore(db.Factory, TimeProvider.System).ListAsync(default);
        return (agents.Single(a => a.Name == "Ana").Id, agents.Single(a => a.Name == "Ben").Id);
    }

    private static AgentRecord Agent(string name, string email) =>
        new() { Name = name, Email = email, SkillsJson = """["billing"]""", LanguagesJson = """["en"]""", MaxConcurrent = 10 };
}
