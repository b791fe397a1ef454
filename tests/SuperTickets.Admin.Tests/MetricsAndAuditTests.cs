using System.Net;
using System.Net.Http.Json;
using Dapper;
using SuperTickets.Admin.Auth;
using Microsoft.Extensions.DependencyInjection;
using SuperTickets.Data;
using SuperTickets.Messaging;
using SuperTickets.Testing;

namespace SuperTickets.Admin.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MetricsAndAuditTests(PostgresServer postgres)
{
    public static TheoryData<DbProvider> Providers => [DbProvider.Sqlite, DbProvider.Postgres];

    [Theory, MemberData(nameof(Providers))]
    public async Task Metrics_report_stages_backlog_latency_sla_and_auto_answers_in_prometheus_format(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var answered = await host.Seed.TicketAsync(status: TicketStatus.SolvedPendingConfirmation);
        await host.Seed.TicketAsync();
        await host.Seed.DeadLetterAsync();
        await using (var connection = await host.Factory.OpenAsync(default))
        {
            var sent = Seeder.Now.AddSeconds(90);
            await connection.ExecuteAsync(
                "INSERT INTO outbound_emails (ticket_id, kind, idempotency_key, to_address, subject, message_id, content, status, created_at, sent_at) " +
                "VALUES (@answered, 'auto_answer', 'k1', 'dana@example.org', 's', 'm@x', @content, 'sent', @sent, @sent)",
                new { answered, content = new byte[] { 1 }, sent });
            await connection.ExecuteAsync("UPDATE ticket_sla SET first_response_state = 'met' WHERE ticket_id = @answered", new { answered });
        }
        var viewer = await host.ClientAsync(AdminRoles.Viewer);
        await (await host.Anonymous().GetAsync("/metrics")).AssertProblemAsync(401);

        var response = await viewer.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE supertickets_interactions_total counter", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_interactions_total{stage=\"resolve\",action=\"ticket_created\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_dead_letters_pending 1\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_first_reply_seconds{quantile=\"0.5\"} 90\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_first_reply_seconds_count 1\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_sla_targets{target=\"first_response\",state=\"met\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_sla_compliance_ratio{target=\"first_response\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_auto_answer_ratio 0.5\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total ", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds ", text, StringComparison.Ordinal);
        AssertExpositionFormat(text);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Metrics_report_what_the_consumers_of_the_same_process_did_per_group(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres, services: s => s.AddMetrics().AddSingleton<MessagingMetrics>());
        var messaging = host.Services.GetRequiredService<MessagingMetrics>();
        messaging.Committed("triage", handled: 5, duplicates: 1, TimeSpan.FromMilliseconds(250));
        messaging.Committed("triage", handled: 3, duplicates: 0, TimeSpan.FromMilliseconds(500));
        messaging.Failed("resolve", TimeSpan.FromSeconds(1));
        var viewer = await host.ClientAsync(AdminRoles.Viewer);

        var text = await (await viewer.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Contains("# TYPE supertickets_messages_handled_total counter", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_messages_handled_total{consumer=\"triage\"} 8\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_messages_handled_total{consumer=\"resolve\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_messages_duplicates_total{consumer=\"triage\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_batches_failed_total{consumer=\"resolve\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_batches_failed_total{consumer=\"triage\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_batch_duration_seconds_sum{consumer=\"triage\"} 0.75\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_batch_duration_seconds_count{consumer=\"triage\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("supertickets_batch_duration_seconds_count{consumer=\"resolve\"} 1\n", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("{consumer=\"resolve\"}", StringComparison.Ordinal) < text.IndexOf("{consumer=\"triage\"}", StringComparison.Ordinal));
        AssertExpositionFormat(text);
    }

    [Fact]
    public async Task A_standalone_admin_api_without_consumers_reports_no_consumer_families()
    {
        await using var host = await AdminHost.StartAsync(DbProvider.Sqlite, postgres);
        var viewer = await host.ClientAsync(AdminRoles.Viewer);

        var text = await (await viewer.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Contains("supertickets_outbox_backlog 0\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("supertickets_messages_handled_total", text, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Keys_created_through_the_api_work_once_and_stop_working_when_revoked_and_all_of_it_is_audited(DbProvider provider)
    {
        await using var host = await AdminHost.StartAsync(provider, postgres);
        var admin = await host.ClientAsync(AdminRoles.Admin);

        var created = await (await admin.PostAsJsonAsync("/api/keys", new { role = "agent", name = "helpdesk" })).ReadJsonAsync();
        var key = created.GetProperty("key").GetString()!;
        var id = created.GetProperty("id").GetString()!;
        using var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        var before = await client.GetAsync("/api/tickets");
        var listed = await (await admin.GetAsync("/api/keys")).Content.ReadAsStringAsync();
        var revoked = await admin.DeleteAsync($"/api/keys/{id}");
        var after = await client.GetAsync("/api/tickets");
        var audit = await (await admin.GetAsync("/api/audit?action=api_key.create")).ReadJsonAsync();
        var forbidden = await (await host.ClientAsync(AdminRoles.Agent)).GetAsync("/api/audit");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.DoesNotContain(key[^64..], listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        await after.AssertProblemAsync(401);
        Assert.Equal($"created agent key {id}", audit[0].GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains(await host.AuditAsync(), a => a.Action == "api_key.revoke" && a.Target == $"api_key:{id}" && a.Outcome == "succeeded");
    }

    /// <summary>Every sample line is a name, optional labels and a number.</summary>
    private static void AssertExpositionFormat(string text) =>
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')),
            line => Assert.Matches(@"^(supertickets|process)_[a-z_]+(\{[a-z_]+=""[^""]*""(,[a-z_]+=""[^""]*"")*\})? (-?[0-9.eE+-]+|NaN)$", line));
}
