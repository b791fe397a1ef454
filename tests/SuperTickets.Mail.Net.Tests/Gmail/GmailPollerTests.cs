using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Testing;
using static SuperTickets.Mail.Net.Tests.Gmail.GmailTestHost;

namespace SuperTickets.Mail.Net.Tests.Gmail;

public sealed class GmailPollerTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task First_run_stores_every_inbox_message_and_then_follows_the_history()
    {
        await using var server = await FakeGmailServer.StartAsync();
        foreach (var raw in TestMessages.Many(8))
        {
            server.Deliver(raw);
        }
        server.Deliver(TestMessages.Create(99), "", "SENT");
        var synced = server.HistoryId;
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = Build(database, UserGrantMailbox(server, 0, "gmail"));
        var progress = host.Services.GetRequiredService<IngestProgress>();
        var store = host.Services.GetRequiredService<MailboxStore>();

        await host.StartAsync(None);
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 8), "the inbox is stored");
        await WaitUntilAsync(async () => (await store.GetCheckpointAsync("gmail", None)) == $"history:{synced}", "the profile's history id is the checkpoint");
        server.Deliver(TestMessages.Create(9));
        server.Deliver(TestMessages.Create(10));
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 10), "the new messages are stored");
        await WaitUntilAsync(async () => (await store.GetCheckpointAsync("gmail", None)) == $"history:{server.HistoryId}", "the checkpoint follows the history");
        await host.StopAsync(None);

        var mailbox = Assert.Single(await store.ListAsync(None));
        Assert.Equal(("gmail", "active"), (mailbox.Kind, mailbox.Status));
        Assert.Equal(0, progress.Duplicates);
        Assert.Equal(3, server.Requests.Count(r => r.StartsWith("GET /gmail/v1/users/me/messages?", StringComparison.Ordinal)));
        Assert.Contains(server.Requests, r => r.StartsWith($"GET /gmail/v1/users/me/history?startHistoryId={synced}&historyTypes=messageAdded&labelId=INBOX", StringComparison.Ordinal));
        Assert.Equal(1, server.TokensIssued);
    }

    [Fact]
    public async Task Expired_history_leads_to_a_full_resync_that_drops_duplicates()
    {
        await using var server = await FakeGmailServer.StartAsync();
        foreach (var raw in TestMessages.Many(5))
        {
            server.Deliver(raw);
        }
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = Build(database, UserGrantMailbox(server, 0, "gmail"));
        var progress = host.Services.GetRequiredService<IngestProgress>();
        var store = host.Services.GetRequiredService<MailboxStore>();

        await host.StartAsync(None);
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 5), "the inbox is stored");
        server.OldestHistoryId = server.HistoryId + 5;
        server.Deliver(TestMessages.Create(6));
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 6 && progress.Duplicates == 5), "the resync re-read the inbox");
        await WaitUntilAsync(async () => (await store.GetCheckpointAsync("gmail", None)) == $"history:{server.HistoryId}", "the resync stored the new history id");
        await host.StopAsync(None);

        Assert.Equal("active", Assert.Single(await store.ListAsync(None)).Status);
        Assert.True(server.Requests.Count(r => r.StartsWith("GET /gmail/v1/users/me/profile", StringComparison.Ordinal)) >= 2);
    }

    [Fact]
    public async Task A_restarted_poller_continues_from_the_stored_history_id()
    {
        await using var server = await FakeGmailServer.StartAsync();
        foreach (var raw in TestMessages.Many(6))
        {
            server.Deliver(raw);
        }
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        var mailbox = UserGrantMailbox(server, 0, "gmail");
        using (var first = Build(database, mailbox))
        {
            var progress = first.Services.GetRequiredService<IngestProgress>();
            await first.StartAsync(None);
            await WaitUntilAsync(() => Task.FromResult(progress.Stored == 6), "the inbox is stored");
            await first.StopAsync(None);
        }
        server.Deliver(TestMessages.Create(7));
        server.Deliver(TestMessages.Create(8));
        var listedBefore = server.Requests.Count(r => r.StartsWith("GET /gmail/v1/users/me/messages?", StringComparison.Ordinal));

        using var second = Build(database, mailbox);
        var resumed = second.Services.GetRequiredService<IngestProgress>();
        await second.StartAsync(None);
        await WaitUntilAsync(() => Task.FromResult(resumed.Stored == 2), "the new messages are stored");
        await second.StopAsync(None);

        Assert.Equal(0, resumed.Duplicates);
        Assert.Equal(listedBefore, server.Requests.Count(r => r.StartsWith("GET /gmail/v1/users/me/messages?", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_message_deleted_before_it_is_fetched_is_skipped_and_the_history_id_still_advances()
    {
        await using var server = await FakeGmailServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = Build(database, UserGrantMailbox(server, 0, "gmail"));
        var progress = host.Services.GetRequiredService<IngestProgress>();
        var store = host.Services.GetRequiredService<MailboxStore>();

        await host.StartAsync(None);
        await WaitUntilAsync(async () => (await store.GetCheckpointAsync("gmail", None)) == $"history:{server.HistoryId}", "the empty mailbox records its history id");
        server.DeliverDeleted(TestMessages.Create(1));
        await WaitUntilAsync(async () => (await store.GetCheckpointAsync("gmail", None)) == $"history:{server.HistoryId}", "the history id advances past the deleted message");
        server.Deliver(TestMessages.Create(2));
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 1), "the next message is stored");
        await host.StopAsync(None);

        Assert.Equal(1, progress.Stored);
        Assert.Contains(server.Requests, r => r.StartsWith("GET /gmail/v1/users/me/messages/m0001?format=raw", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_errors_degrade_the_mailbox_until_it_recovers()
    {
        await using var server = await FakeGmailServer.StartAsync();
        foreach (var raw in TestMessages.Many(3))
        {
            server.Deliver(raw);
        }
        server.FailWith = 500;
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = Build(database, UserGrantMailbox(server, 0, "gmail"));
        var progress = host.Services.GetRequiredService<IngestProgress>();
        var store = host.Services.GetRequiredService<MailboxStore>();

        await host.StartAsync(None);
        await WaitUntilAsync(async () => (await store.ListAsync(None)).SingleOrDefault()?.Status == "degraded", "the mailbox is degraded");
        var degraded = (await store.ListAsync(None)).Single();
        server.FailWith = null;
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 3), "the mailbox is read after recovery");
        await WaitUntilAsync(async () => (await store.ListAsync(None)).Single().Status == "active", "the mailbox is active again");
        await host.StopAsync(None);

        Assert.Contains("GmailApiException: Gmail API returned 500", degraded.LastError);
        Assert.Null(degraded.Checkpoint);
    }

    [Fact]
    public async Task A_rejected_access_token_is_refreshed_without_degrading_the_mailbox()
    {
        await using var server = await FakeGmailServer.StartAsync();
        foreach (var raw in TestMessages.Many(2))
        {
            server.Deliver(raw);
        }
        server.RevokeNextToken = true;
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = Build(database, UserGrantMailbox(server, 0, "gmail"));
        var progress = host.Services.GetRequiredService<IngestProgress>();
        var store = host.Services.GetRequiredService<MailboxStore>();

        await host.StartAsync(None);
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 2), "the inbox is stored");
        await host.StopAsync(None);

        var mailbox = Assert.Single(await store.ListAsync(None));
        Assert.Equal(2, server.TokensIssued);
        Assert.Equal("active", mailbox.Status);
        Assert.Null(mailbox.LastError);
    }

    [Fact]
    public async Task A_revoked_grant_degrades_its_mailbox_while_another_keeps_working()
    {
        await using var server = await FakeGmailServer.StartAsync();
        foreach (var raw in TestMessages.Many(4))
        {
            server.Deliver(raw);
        }
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = Build(database, UserGrantMailbox(server, 0, "bad", "revoked"), UserGrantMailbox(server, 1, "good"));
        var progress = host.Services.GetRequiredService<IngestProgress>();
        var store = host.Services.GetRequiredService<MailboxStore>();

        await host.StartAsync(None);
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 4), "the good mailbox is read");
        await WaitUntilAsync(async () => (await store.ListAsync(None)).SingleOrDefault(m => m.Id == "bad")?.Status == "degraded", "the bad mailbox is degraded");
        await host.StopAsync(None);
        var mailboxes = await store.ListAsync(None);

        Assert.Contains("invalid_grant", mailboxes.Single(m => m.Id == "bad").LastError);
        Assert.Null(mailboxes.Single(m => m.Id == "bad").Checkpoint);
        Assert.Equal("active", mailboxes.Single(m => m.Id == "good").Status);
    }

    [Fact]
    public async Task A_service_account_acting_for_the_mailbox_user_can_read_it()
    {
        await using var server = await FakeGmailServer.StartAsync();
        foreach (var raw in TestMessages.Many(3))
        {
            server.Deliver(raw);
        }
        var mailbox = UserGrantMailbox(server, 0, "delegated");
        mailbox.Remove("Ingest:Gmail:Mailboxes:0:RefreshToken");
        mailbox.Remove("Ingest:Gmail:Mailboxes:0:TokenUrl");
        mailbox["Ingest:Gmail:Mailboxes:0:ServiceAccountJson"] = ServiceAccountJson(server);
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = Build(database, mailbox);
        var progress = host.Services.GetRequiredService<IngestProgress>();

        await host.StartAsync(None);
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 3), "the inbox is stored");
        await host.StopAsync(None);

        Assert.Equal(1, server.TokensIssued);
    }

    [Fact]
    public async Task A_paused_mailbox_is_not_read()
    {
        await using var server = await FakeGmailServer.StartAsync();
        server.Deliver(TestMessages.Create(1));
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = Build(database, UserGrantMailbox(server, 0, "paused"));
        var store = host.Services.GetRequiredService<MailboxStore>();
        await store.EnsureAsync("paused", "gmail", "support@example.com", None);
        await store.SetStatusAsync("paused", "paused", null, None);

        await host.StartAsync(None);
        await Task.Delay(800);
        await host.StopAsync(None);

        Assert.Equal(0, host.Services.GetRequiredService<IngestProgress>().Stored);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Invalid_mailbox_settings_stop_start_up_with_messages_naming_the_keys()
    {
        await using var server = await FakeGmailServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        var second = UserGrantMailbox(server, 1, "a");
        second.Remove("Ingest:Gmail:Mailboxes:1:User");
        second.Remove("Ingest:Gmail:Mailboxes:1:ClientSecret");
        second["Ingest:Gmail:Mailboxes:1:BaseUrl"] = "gmail";
        using var host = Build(database, UserGrantMailbox(server, 0, "a"), second);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(None));

        Assert.Equal(
            [
                "Ingest:Gmail:Mailboxes:1:Id 'a' is used twice.",
                "Ingest:Gmail:Mailboxes:1:User is required.",
                "Ingest:Gmail:Mailboxes:1: RefreshToken needs ClientId and ClientSecret.",
                "Ingest:Gmail:Mailboxes:1:BaseUrl must be an absolute http(s) URL.",
            ],
            error.Failures);
    }
}
