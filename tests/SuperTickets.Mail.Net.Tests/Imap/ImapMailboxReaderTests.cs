using SuperTickets.Mail.Net.Imap;
using SuperTickets.Mail.Net.Tests.Servers;

namespace SuperTickets.Mail.Net.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapMailboxReaderTests(DovecotFixture dovecot)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private ImapMailboxReader Reader(string folder, int batchSize = 50, MailSecurity security = MailSecurity.Tls) =>
        new(new ImapMailboxReaderOptions(dovecot.Server.Endpoint(security), dovecot.Server.Credentials, folder) { BatchSize = batchSize });

    [Fact]
    public async Task Three_hundred_messages_arrive_in_uid_order_in_batches_byte_for_byte()
    {
        var messages = TestMessages.Many(300).ToList();
        var folder = await dovecot.CreateFolderAsync(messages);
        await using var reader = Reader(folder, batchSize: 64);

        var batches = new List<ImapBatch>();
        await foreach (var batch in reader.ReadAllAsync(null, None))
        {
            batches.Add(batch);
        }

        var uids = batches.SelectMany(b => b.Messages).Select(m => m.Uid).ToList();
        Assert.Equal([64, 64, 64, 64, 44], batches.Select(b => b.Messages.Count));
        Assert.Equal(uids.Order(), uids);
        Assert.Equal(messages, batches.SelectMany(b => b.Messages).Select(m => m.Content));
        Assert.Equal(uids[^1], batches[^1].Checkpoint.LastUid);
        Assert.False(batches[^1].HasMore);
        Assert.All(batches, b => Assert.False(b.CheckpointReset));
    }

    [Fact]
    public async Task Reading_resumes_after_the_checkpoint_and_picks_up_new_mail()
    {
        var folder = await dovecot.CreateFolderAsync(TestMessages.Many(10));
        await using var reader = Reader(folder, batchSize: 4);

        var first = await reader.FetchBatchAsync((string?)null, None);
        var checkpoint = first.Checkpoint.ToString();
        await using (var other = await dovecot.ConnectAsync())
        {
            await other.AppendAsync(folder, TestMessages.Create(11), None);
        }

        await using var resumed = Reader(folder, batchSize: 100);
        var rest = await resumed.FetchBatchAsync(checkpoint, None);
        var empty = await resumed.FetchBatchAsync(rest.Checkpoint.ToString(), None);

        Assert.Equal(4, first.Messages.Count);
        Assert.True(first.HasMore);
        Assert.Equal(7, rest.Messages.Count);
        Assert.All(rest.Messages, m => Assert.True(m.Uid > first.Checkpoint.LastUid));
        Assert.Empty(empty.Messages);
        Assert.Equal(rest.Checkpoint, empty.Checkpoint);
    }

    [Fact]
    public async Task A_recreated_folder_has_a_new_uidvalidity_and_the_reader_starts_over()
    {
        var folder = await dovecot.CreateFolderAsync(TestMessages.Many(5));
        await using var reader = Reader(folder);
        var before = await reader.FetchBatchAsync((string?)null, None);
        await using (var admin = await dovecot.ConnectAsync())
        {
            await admin.DeleteMailboxAsync(folder, None);
            await admin.CreateMailboxAsync(folder, None);
            await admin.AppendAsync(folder, TestMessages.Create(100), None);
            await admin.AppendAsync(folder, TestMessages.Create(101), None);
        }

        var after = await reader.FetchBatchAsync(before.Checkpoint, None);

        Assert.True(after.CheckpointReset);
        Assert.NotEqual(before.Checkpoint.UidValidity, after.Checkpoint.UidValidity);
        Assert.Equal(2, after.Messages.Count);
        Assert.Equal(1u, after.Messages[0].Uid);
    }

    [Fact]
    public async Task Marking_a_batch_seen_sets_the_flag_only_on_that_batch()
    {
        var folder = await dovecot.CreateFolderAsync(TestMessages.Many(6));
        await using var reader = Reader(folder, batchSize: 4, security: MailSecurity.StartTls);

        var batch = await reader.FetchBatchAsync((string?)null, None);
        var marked = await reader.MarkSeenAsync(batch, None);
        await using var client = await dovecot.ConnectAsync();
        await client.SelectAsync(folder, None);
        var seen = await client.UidSearchAsync("SEEN", None);

        Assert.True(marked);
        Assert.Equal(batch.Messages.Select(m => m.Uid), seen);
    }

    [Fact]
    public async Task Marking_seen_is_skipped_when_the_uidvalidity_no_longer_matches()
    {
        var folder = await dovecot.CreateFolderAsync(TestMessages.Many(2));
        await using var reader = Reader(folder);
        var batch = await reader.FetchBatchAsync((string?)null, None);
        var stale = batch with { Checkpoint = batch.Checkpoint with { UidValidity = batch.Checkpoint.UidValidity + 1 } };

        Assert.False(await reader.MarkSeenAsync(stale, None));
    }

    [Fact]
    public async Task Bad_credentials_surface_as_an_authentication_exception()
    {
        var options = new ImapMailboxReaderOptions(dovecot.Server.Endpoint(MailSecurity.Tls), MailCredentials.WithPassword(dovecot.Server.Username, "nope"));
        await using var reader = new ImapMailboxReader(options);

        await Assert.ThrowsAsync<ImapAuthenticationException>(() => reader.FetchBatchAsync((string?)null, None));
        Assert.False(reader.IsConnected);
    }

    [Fact]
    public async Task Waiting_for_changes_wakes_up_on_new_mail_with_idle_and_with_polling()
    {
        var folder = await dovecot.CreateFolderAsync([]);
        await using var reader = Reader(folder);
        await using var sender = await dovecot.ConnectAsync();

        var idle = reader.WaitForChangesAsync(TimeSpan.FromSeconds(20), useIdle: true, None);
        await Task.Delay(200);
        await sender.AppendAsync(folder, TestMessages.Create(1), None);
        var idleSawIt = await idle;
        var poll = reader.WaitForChangesAsync(TimeSpan.FromMilliseconds(500), useIdle: false, None);
        await sender.AppendAsync(folder, TestMessages.Create(2), None);
        var pollSawIt = await poll;

        Assert.True(idleSawIt);
        Assert.True(pollSawIt);
        Assert.Equal(2, (await reader.FetchBatchAsync((string?)null, None)).Messages.Count);
    }
}
