using SuperTickets.Contracts;
using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>Poison goes to the dead-letter topic and table without blocking anything; a replayed dead letter is processed once.</summary>
[Collection(DistributedCollection.Name)]
public sealed class DeadLetterTests(PostgresServer postgres)
{
    private const string Garbage = "this is not an EmailReceived {{{ \u00ff";

    [Fact]
    public async Task Garbage_on_email_received_is_dead_lettered_and_mail_behind_it_on_every_partition_still_flows()
    {
        await using var deployment = await Deployment.StartAsync(postgres);
        await Task.WhenAll(deployment.StartAsync("Ingest.Worker"), deployment.StartAsync("Triage.Worker"));
        deployment.DropEmails(1);
        await deployment.WaitUntilAsync(async () => await TriagedAsync(deployment) == 1, "the first email was triaged");

        var partitions = await Kcat.PartitionsAsync(deployment.Brokers, Topics.EmailReceived);
        foreach (var partition in partitions)
        {
            await Kcat.ProduceAsync(deployment.Brokers, Topics.EmailReceived, "garbage-" + partition, [Garbage], partition);
        }
        deployment.DropEmails(40);

        await deployment.WaitUntilAsync(
            async () => await TriagedAsync(deployment) == 41 && await deployment.CountAsync("SELECT COUNT(*) FROM dead_letters") == partitions.Count,
            "every email behind the garbage was triaged and the garbage dead-lettered");
        Assert.Equal(partitions.Count, await deployment.CountAsync($"""
            SELECT COUNT(*) FROM dead_letters
            WHERE topic = '{Topics.EmailReceived}' AND consumer_group = 'triage' AND exception_type LIKE '%PoisonMessageException' AND attempts = 1
            """));
        var dlq = await Kcat.ReadAllAsync(deployment.Brokers, Topics.EmailReceived + ".dlq");
        Assert.Equal(partitions.Count, dlq.Count);
        Assert.All(dlq, record =>
        {
            Assert.Equal(Garbage, record.Payload);
            Assert.Equal(Topics.EmailReceived, record.Headers["dlq-original-topic"]);
            Assert.Contains("PoisonMessageException", record.Headers["dlq-exception-type"], StringComparison.Ordinal);
        });
        Assert.Equal(partitions.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(),
            dlq.Select(r => r.Headers["dlq-original-partition"]).Order());
        Assert.Equal(41, await deployment.CountAsync("SELECT COUNT(*) FROM raw_emails WHERE status = 'triaged'"));
    }

    [Fact]
    public async Task Dead_letter_replayed_with_the_cli_is_processed_exactly_once()
    {
        await using var deployment = await Deployment.StartAsync(postgres);
        await Task.WhenAll(deployment.StartAsync("Ingest.Worker"), deployment.StartAsync("Triage.Worker"), deployment.StartAsync("Resolve.Worker"));
        await deployment.ExecuteAsync("""
            CREATE FUNCTION refuse_triage() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'triage writes are refused during maintenance'; END $$;
            CREATE TRIGGER refuse_triage BEFORE INSERT ON support_interactions
            FOR EACH ROW WHEN (NEW.stage = 'triage') EXECUTE FUNCTION refuse_triage();
            """);
        deployment.DropEmails(1);
        await deployment.WaitUntilAsync(async () => await deployment.CountAsync("SELECT COUNT(*) FROM dead_letters") == 1, "the email was dead-lettered after its retry");
        var id = await deployment.CountAsync("SELECT id FROM dead_letters");
        var (listExit, list) = await deployment.RunCliAsync("dlq", "list");
        Assert.Equal(0, listExit);
        Assert.Contains($"#{id} ", list, StringComparison.Ordinal);
        Assert.Contains("triage writes are refused during maintenance", list, StringComparison.Ordinal);
        Assert.Equal(0, await deployment.CountAsync("SELECT COUNT(*) FROM tickets"));

        await deployment.ExecuteAsync("DROP TRIGGER refuse_triage ON support_interactions");
        var (replayExit, replay) = await deployment.RunCliAsync("dlq", "replay", "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(replayExit == 0, replay);
        await deployment.WaitUntilAsync(
            async () => await deployment.CountAsync("SELECT COUNT(*) FROM outbound_emails WHERE status = 'sent'") == 1 && deployment.OutboxFiles == 1,
            "the replayed email was answered");

        var (againExit, again) = await deployment.RunCliAsync("dlq", "replay", "--id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, againExit);
        Assert.Contains("already replayed", again, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await deployment.CountAsync("SELECT COUNT(*) FROM tickets"));
        Assert.Equal(1, await deployment.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE stage = 'triage'"));
        Assert.Equal(1, await deployment.CountAsync("SELECT COUNT(*) FROM processed_messages WHERE consumer = 'triage'"));
        Assert.Equal(1, await deployment.CountAsync("SELECT COUNT(*) FROM dead_letters WHERE replayed_at IS NOT NULL"));
        Assert.Equal(1, await deployment.CountAsync("SELECT COUNT(*) FROM dead_letters"));
        Assert.Equal(1, deployment.OutboxFiles);
        Assert.Equal(0, await deployment.CountAsync("SELECT COUNT(*) FROM outbox"));
    }

    private static Task<long> TriagedAsync(Deployment deployment) =>
        deployment.CountAsync("SELECT COUNT(*) FROM support_interactions WHERE stage = 'triage'");
}
