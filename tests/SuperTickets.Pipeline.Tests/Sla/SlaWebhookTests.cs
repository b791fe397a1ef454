using System.Text.Json;

namespace SuperTickets.Pipeline.Tests.Sla;

public sealed class SlaWebhookTests
{
    [Fact]
    public async Task Each_fired_threshold_is_posted_once_without_customer_data()
    {
        await using var hook = await FakeWebhook.StartAsync();
        await using var sla = await SlaHarness.CreateAsync(new() { ["Sla:Escalation:WebhookUrls:0"] = hook.Url.ToString() });
        var ticket = await sla.AddTicketAsync("normal", "normal", TimeSpan.FromHours(8), TimeSpan.FromHours(48));
        sla.Clock.Now = SlaHarness.Origin.AddHours(9);
        await sla.SweepAsync();
        var events = await sla.OutboxSlaEventsAsync();

        Assert.Null((await sla.NotifyAsync(events)).Failure);
        Assert.Null((await sla.NotifyAsync(events)).Failure);

        var texts = hook.Bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("text").GetString()!).ToList();
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.Contains(Contracts.TicketNumber.Format(ticket), t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("@", t, StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("first response breached", StringComparison.Ordinal));
        Assert.Equal(2, await sla.CountAsync("SELECT COUNT(*) FROM sla_webhook_deliveries"));
        Assert.Equal(2, await sla.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE action = 'webhook_posted'"));
    }

    [Fact]
    public async Task Webhook_is_retried_after_server_errors_then_succeeds()
    {
        await using var hook = await FakeWebhook.StartAsync(500, 503);
        await using var sla = await SlaHarness.CreateAsync(new() { ["Sla:Escalation:WebhookUrls:0"] = hook.Url.ToString() });
        await sla.AddTicketAsync("normal", "normal", TimeSpan.FromHours(8), TimeSpan.FromHours(48));
        sla.Clock.Now = SlaHarness.Origin.AddHours(7);
        await sla.SweepAsync();

        var outcome = await sla.NotifyAsync(await sla.OutboxSlaEventsAsync());

        Assert.Null(outcome.Failure);
        Assert.Equal(3, hook.Bodies.Count);
        Assert.Equal(1, await sla.CountAsync("SELECT COUNT(*) FROM sla_webhook_deliveries"));
    }

    [Fact]
    public async Task Webhook_that_keeps_failing_fails_the_message_and_records_no_delivery()
    {
        await using var hook = await FakeWebhook.StartAsync(500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500);
        await using var sla = await SlaHarness.CreateAsync(new()
        {
            ["Sla:Escalation:WebhookUrls:0"] = hook.Url.ToString(),
            ["Sla:Escalation:WebhookRetries"] = "2",
        });
        await sla.AddTicketAsync("normal", "normal", TimeSpan.FromHours(8), TimeSpan.FromHours(48));
        sla.Clock.Now = SlaHarness.Origin.AddHours(7);
        await sla.SweepAsync();

        var outcome = await sla.NotifyAsync(await sla.OutboxSlaEventsAsync());

        Assert.IsType<HttpRequestException>(outcome.Failure);
        Assert.Equal(0, await sla.CountAsync("SELECT COUNT(*) FROM sla_webhook_deliveries"));
    }
}
