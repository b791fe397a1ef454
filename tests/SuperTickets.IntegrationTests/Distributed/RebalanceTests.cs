using SuperTickets.Contracts;
using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>Scaling out: another process in the same consumer group takes over partitions without loss or repeats.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RebalanceTests(PostgresServer postgres)
{
    private const int Half = 300;
    private const int Chunk = 25;

    [Fact]
    public async Task Second_triage_worker_joining_mid_stream_shares_the_work_and_every_email_is_triaged_once()
    {
        await using var deployment = await Deployment.StartAsync(postgres);
        await deployment.StartAsync("Ingest.Worker");
        var first = await deployment.StartAsync("Triage.Worker", "Triage.Worker-1");
        deployment.DropEmails(Chunk);
        await deployment.WaitUntilAsync(async () => await TriagedAsync(deployment) > 0, "the first worker triaged mail");

        var starting = deployment.StartAsync("Triage.Worker", "Triage.Worker-2");
        await Task.WhenAll(FeedAsync(deployment, Half - Chunk), starting);
        var second = await starting;
        await deployment.WaitUntilAsync(
            () => Task.FromResult(second.CountLines($"Consumer group triage assigned {Topics.EmailReceived}") > 0),
            "the second worker was assigned partitions");
        await FeedAsync(deployment, Half);

        await deployment.WaitUntilAsync(async () => await TriagedAsync(deployment) == 2 * Half, $"all {2 * Half} emails were triaged");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2 * Half, await TriagedAsync(deployment));
        Assert.Equal(2 * Half, await deployment.CountAsync("SELECT COUNT(*) FROM raw_emails WHERE status = 'triaged'"));
        Assert.Equal(2 * Half, await deployment.CountAsync("SELECT COUNT(*) FROM processed_messages WHERE consumer = 'triage'"));
        Assert.Equal(0, await deployment.CountAsync("SELECT COUNT(*) FROM dead_letters"));
        var byFirst = first.CountLines("Triaged email");
        var bySecond = second.CountLines("Triaged email");
        Assert.True(byFirst > 0 && bySecond > 0, $"first worker triaged {byFirst}, second {bySecond}");
        Assert.True(byFirst + bySecond >= 2 * Half, $"first worker triaged {byFirst}, second {bySecond}");
        Assert.True(first.CountLines($"Consumer group triage revoked {Topics.EmailReceived}") > 0, "the first worker gave partitions away");
    }

    private static async Task FeedAsync(Deployment deployment, int count)
    {
        for (var sent = 0; sent < count; sent += Chunk)
        {
            deployment.DropEmails(Chunk);
            await Task.Delay(250);
        }
    }

    private static Task<long> TriagedAsync(Deployment deployment) =>
        deployment.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE stage = 'triage'");
}
