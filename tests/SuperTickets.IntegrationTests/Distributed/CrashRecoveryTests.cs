using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>A worker process killed with SIGKILL in the middle of a stream loses nothing and duplicates nothing.</summary>
[Collection(DistributedCollection.Name)]
public sealed class CrashRecoveryTests(PostgresServer postgres)
{
    private const int Emails = 1000;
    private const int Chunk = 50;

    [Fact]
    public async Task Resolve_worker_killed_mid_stream_and_restarted_handles_every_email_exactly_once()
    {
        await using var deployment = await Deployment.StartAsync(postgres);
        await Task.WhenAll(deployment.StartAsync("Ingest.Worker"), deployment.StartAsync("Triage.Worker"));
        var resolve = await deployment.StartAsync("Resolve.Worker");

        deployment.DropEmails(Emails / 2);
        await deployment.WaitUntilAsync(
            async () => await deployment.CountAsync("SELECT COUNT(*) FROM tickets") >= 100, "the resolve worker created its first tickets");
        resolve.KillHard();
        var ticketsAtKill = await deployment.CountAsync("SELECT COUNT(*) FROM tickets");
        Assert.InRange(ticketsAtKill, 100, (Emails / 2) - 1);

        await FeedAsync(deployment, Emails / 2);
        await deployment.StartAsync("Resolve.Worker", "Resolve.Worker-restarted");
        await deployment.WaitUntilAsync(
            async () => await deployment.CountAsync("SELECT COUNT(*) FROM outbound_emails WHERE status = 'sent'") == Emails && deployment.OutboxFiles == Emails,
            $"all {Emails} replies were sent");
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM raw_emails"));
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM ticket_messages WHERE raw_email_id IS NOT NULL"));
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM outbound_emails"));
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(DISTINCT ticket_id) FROM outbound_emails"));
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM processed_messages WHERE consumer = 'resolve'"));
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM processed_messages WHERE consumer = 'respond'"));
        Assert.Equal(Emails, await deployment.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE stage = 'resolve'"));
        Assert.Equal(0, await deployment.CountAsync("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(Emails, deployment.OutboxFiles);
    }

    private static async Task FeedAsync(Deployment deployment, int count)
    {
        for (var sent = 0; sent < count; sent += Chunk)
        {
            deployment.DropEmails(Chunk);
            await Task.Delay(150);
        }
    }
}
