using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SuperTickets.Contracts;
using SuperTickets.Pipeline.Sla;

namespace SuperTickets.Pipeline.Tests.Sla;

public sealed class SlaEscalationTests
{
    private const string Lead = "jonas@nimbus.example";
    private const string Notify = "escalations@nimbus.example";

    private static readonly Dictionary<string, string?> Escalating = new()
    {
        ["Sla:Escalation:LeadAgentEmail"] = Lead,
        ["Sla:Escalation:NotifyAddress"] = Notify,
    };

    [Fact]
    public async Task At_risk_bumps_priority_and_emails_once_without_reassigning()
    {
        await using var sla = await SlaHarness.CreateAsync(Escalating);
        var ticket = await sla.AddTicketAsync("normal", "normal", TimeSpan.FromHours(8), TimeSpan.FromHours(48));
        sla.Clock.Now = SlaHarness.Origin.AddHours(7);

        Assert.Equal(1, await sla.SweepAsync());

        Assert.Equal("high", await sla.ScalarAsync<string>("SELECT priority FROM tickets WHERE id = @ticket", new { ticket }));
        Assert.Null(await sla.ScalarAsync<long?>("SELECT assignee_id FROM tickets WHERE id = @ticket", new { ticket }));
        Assert.Equal($"escalation:{ticket}:first_response_at_risk", await sla.ScalarAsync<string>(
            "SELECT idempotency_key FROM outbound_emails WHERE kind = 'escalation' AND to_address = @Notify", new { Notify }));
        Assert.Equal(1, await sla.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE action = 'priority_bumped'"));
        Assert.Equal(1, await sla.CountAsync("SELECT COUNT(*) FROM outbox WHERE topic = @t", new { t = Topics.ReplyRequested }));
        Assert.Equal(1, await sla.CountAsync("SELECT COUNT(*) FROM outbox WHERE topic = @t", new { t = Topics.TicketEvents }));
    }

    [Fact]
    public async Task Breach_escalates_once_and_neither_a_second_sweep_nor_a_restart_fires_again()
    {
        await using var sla = await SlaHarness.CreateAsync(Escalating);
        var ticket = await sla.AddTicketAsync("normal", "normal", TimeSpan.FromHours(8), TimeSpan.FromHours(48));
        var lead = await sla.ScalarAsync<long>("SELECT id FROM agents WHERE email = @Lead", new { Lead });
        sla.Clock.Now = SlaHarness.Origin.AddHours(7);
        Assert.Equal(1, await sla.SweepAsync());
        sla.Clock.Now = SlaHarness.Origin.AddHours(9);

        Assert.Equal(1, await sla.SweepAsync());
        await AssertEscalatedOnceAsync();

        Assert.Equal(0, await sla.SweepAsync());
        await AssertEscalatedOnceAsync();

        await sla.RestartAsync();
        Assert.Equal(0, await sla.SweepAsync());
        await AssertEscalatedOnceAsync();

        async Task AssertEscalatedOnceAsync()
        {
            Assert.Equal("urgent", await sla.ScalarAsync<string>("SELECT priority FROM tickets WHERE id = @ticket", new { ticket }));
            Assert.Equal(lead, await sla.ScalarAsync<long>("SELECT assignee_id FROM tickets WHERE id = @ticket", new { ticket }));
            Assert.Equal(1, await sla.CountAsync("SELECT COUNT(*) FROM assignments WHERE ticket_id = @ticket AND reason = 'sla_escalation'", new { ticket }));
            Assert.Equal(2, await sla.CountAsync("SELECT COUNT(*) FROM outbound_emails WHERE kind = 'escalation'"));
            Assert.Equal(2, await sla.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE action = 'priority_bumped'"));
            Assert.Equal(1, await sla.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE action = 'reassigned_to_lead'"));
            Assert.Equal(3, await sla.CountAsync("SELECT COUNT(*) FROM outbox WHERE topic = @t", new { t = Topics.TicketEvents }));
            Assert.Equal(2, await sla.CountAsync("SELECT COUNT(*) FROM outbox WHERE topic = @t", new { t = Topics.ReplyRequested }));
            Assert.Equal(["first_response_at_risk", "first_response_breached"], (await sla.OutboxSlaEventsAsync()).Select(e => e.Threshold));
        }
    }

    [Fact]
    public async Task Time_spent_paused_does_not_count_towards_the_warning_point()
    {
        await using var sla = await SlaHarness.CreateAsync();
        var ticket = await sla.AddTicketAsync("normal", "normal", TimeSpan.FromHours(10), TimeSpan.FromHours(48));
        await using (var db = sla.Open())
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE ticket_sla SET paused_seconds = 7200 WHERE ticket_id = @ticket", new { ticket });
        }

        sla.Clock.Now = SlaHarness.Origin.AddHours(8.3);
        Assert.Equal(0, await sla.SweepAsync());
        sla.Clock.Now = SlaHarness.Origin.AddHours(8.5);
        Assert.Equal(1, await sla.SweepAsync());

        Assert.Equal("first_response_at_risk", await sla.ScalarAsync<string>("SELECT fired_thresholds FROM ticket_sla WHERE ticket_id = @ticket", new { ticket }));
    }

    [Fact]
    public async Task Disabled_policy_escalates_nothing()
    {
        await using var sla = await SlaHarness.CreateAsync(Escalating);
        var ticket = await sla.AddTicketAsync("normal", "normal", TimeSpan.FromHours(8), TimeSpan.FromHours(48));
        await using (var db = sla.Open())
        {
            await Dapper.SqlMapper.ExecuteAsync(db, "UPDATE sla_policies SET enabled = 0 WHERE id = 'normal'");
        }
        sla.Clock.Now = SlaHarness.Origin.AddHours(100);

        Assert.Equal(0, await sla.SweepAsync());

        Assert.Equal("normal", await sla.ScalarAsync<string>("SELECT priority FROM tickets WHERE id = @ticket", new { ticket }));
        Assert.Equal(0, await sla.CountAsync("SELECT COUNT(*) FROM outbound_emails"));
        Assert.Equal(0, await sla.CountAsync("SELECT COUNT(*) FROM outbox"));
        Assert.Equal("", await sla.ScalarAsync<string>("SELECT fired_thresholds FROM ticket_sla WHERE ticket_id = @ticket", new { ticket }));
    }

    [Fact]
    public async Task Without_escalation_settings_only_the_priority_moves()
    {
        await using var sla = await SlaHarness.CreateAsync();
        await sla.AddTicketAsync("urgent", "urgent", TimeSpan.FromMinutes(30), TimeSpan.FromHours(8));
        sla.Clock.Now = SlaHarness.Origin.AddHours(9);

        Assert.Equal(4, await sla.SweepAsync());

        Assert.Equal(0, await sla.CountAsync("SELECT COUNT(*) FROM outbound_emails"));
        Assert.Equal(0, await sla.CountAsync("SELECT COUNT(*) FROM assignments"));
        Assert.Equal(0, await sla.CountAsync("SELECT COUNT(*) FROM outbox WHERE topic = @t", new { t = Topics.TicketEvents }));
    }

    [Fact]
    public async Task Invalid_settings_are_rejected_naming_the_key()
    {
        await using var sla = await SlaHarness.CreateAsync(new()
        {
            ["Sla:Escalation:WebhookUrls:0"] = "ftp://hooks.example/x",
            ["Sla:Escalation:NotifyAddress"] = "not an address",
            ["Sla:Scheduler:Clustered"] = "true",
        });

        var error = Assert.Throws<OptionsValidationException>(() => sla.Services.GetRequiredService<IOptions<SlaOptions>>().Value);

        Assert.Contains("Sla:Escalation:WebhookUrls:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sla:Escalation:NotifyAddress", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sla:Scheduler:Clustered", error.Message, StringComparison.Ordinal);
    }
}
