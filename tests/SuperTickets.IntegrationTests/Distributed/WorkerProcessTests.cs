using System.Text.Json;
using SuperTickets.Contracts;
using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>Every worker and the admin API as separate OS processes over Kafka and PostgreSQL.</summary>
[Collection(DistributedCollection.Name)]
public sealed class WorkerProcessTests(PostgresServer postgres)
{
    private const int Emails = 24;

    [Fact]
    public async Task Emails_dropped_in_become_tickets_and_replies_across_separate_worker_processes()
    {
        await using var deployment = await Deployment.StartAsync(postgres);
        await Task.WhenAll(
            deployment.StartAsync("Ingest.Worker"),
            deployment.StartAsync("Triage.Worker"),
            deployment.StartAsync("Resolve.Worker"),
            deployment.StartAsync("Sla.Worker"),
            deployment.StartAsync("Admin.Api"));
        Assert.Equal(5, deployment.Workers.Select(w => w.Id).Distinct().Count());

        deployment.DropEmails(Emails);

        await deployment.WaitUntilAsync(
            async () => await deployment.CountAsync("SELECT COUNT(*) FROM outbound_emails WHERE status = 'sent'") == Emails && deployment.OutboxFiles == Emails,
            $"{Emails} replies were sent");
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM raw_emails"));
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(0, await deployment.CountAsync("SELECT COUNT(*) FROM dead_letters"));
        Assert.All(Directory.GetFiles(deployment.Outbox, "*.eml"), f => Assert.Matches(@"\[#ST-\d+\]", File.ReadAllText(f)));
        // The log line is written before the commit, but the console logger and this test's reading of the worker's
        // output both trail it, so the last lines may arrive a moment after the database says sent.
        var resolve = deployment.Workers.Single(w => w.Name == "Resolve.Worker");
        await deployment.WaitUntilAsync(() => Task.FromResult(resolve.CountLines(" via drop-folder") == Emails), $"Resolve.Worker logged {Emails} sent replies");
        Assert.Equal(Emails, resolve.CountLines(" via drop-folder"));

        foreach (var topic in new[] { Topics.EmailReceived, Topics.EmailTriaged, Topics.ReplyRequested })
        {
            var records = await Kcat.ReadAllAsync(deployment.Brokers, topic);
            Assert.Equal(Emails, records.Select(r => r.Headers["message-id"]).Distinct().Count());
            Assert.All(records, r =>
            {
                Assert.False(string.IsNullOrEmpty(r.Key));
                Assert.Equal("application/json", r.Headers["content-type"]);
                Assert.True(r.Headers.ContainsKey("message-id"));
                using var payload = JsonDocument.Parse(r.Payload!);
                Assert.Equal(JsonValueKind.Object, payload.RootElement.ValueKind);
            });
        }
        var events = await Kcat.ReadAllAsync(deployment.Brokers, Topics.TicketEvents);
        var ticketIds = events.Select(e =>
        {
            using var payload = JsonDocument.Parse(e.Payload!);
            return payload.RootElement.GetProperty("ticketId").GetInt64();
        });
        Assert.Equal(Emails, ticketIds.Distinct().Count());

        using var http = new HttpClient();
        // Each worker counts what its own consumer groups committed: every email once per stage, no failed batch. A
        // count is raised just after its transaction commits, so the last one may trail the database by a moment.
        foreach (var (worker, consumers) in new[] { ("Triage.Worker", new[] { "triage" }), ("Resolve.Worker", ["resolve", "respond"]) })
        {
            var url = deployment.Workers.Single(w => w.Name == worker).Url + "/metrics";
            var handled = consumers.Select(c => $"supertickets_messages_handled_total{{consumer=\"{c}\"}} {Emails}\n").ToArray();
            await deployment.WaitUntilAsync(
                async () => handled.All((await http.GetStringAsync(url)).Contains), $"{worker} counted {Emails} messages per consumer group");
            var metrics = await http.GetStringAsync(url);
            Assert.All(consumers, c => Assert.Contains($"supertickets_batches_failed_total{{consumer=\"{c}\"}} 0\n", metrics));
            Assert.Contains("process_cpu_seconds_total ", metrics);
        }
        var ingestMetrics = await http.GetStringAsync(deployment.Workers.Single(w => w.Name == "Ingest.Worker").Url + "/metrics");
        Assert.DoesNotContain("{consumer=", ingestMetrics);

        var admin = deployment.Workers.Single(w => w.Name == "Admin.Api");
        using var health = JsonDocument.Parse(await http.GetStringAsync(admin.Url + "/health/ready"));
        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
    }
}
