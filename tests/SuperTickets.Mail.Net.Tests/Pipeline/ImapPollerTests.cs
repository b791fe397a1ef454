using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperTickets.Data;
using SuperTickets.Mail.Net.Imap;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Pipeline.Ingest.Imap;
using SuperTickets.Mail.Net.Tests.Servers;
using SuperTickets.Testing;

namespace SuperTickets.Mail.Net.Tests.Pipeline;

[Collection(DovecotCollection.Name)]
public sealed class ImapPollerTests(DovecotFixture dovecot)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private Dictionary<string, string?> Mailbox(int index, string id, string folder, string password) => new()
    {
        [$"Ingest:Imap:Mailboxes:{index}:Id"] = id,
        [$"Ingest:Imap:Mailboxes:{index}:Host"] = "127.0.0.1",
        [$"Ingest:Imap:Mailboxes:{index}:Port"] = dovecot.Server.ImapsPort.ToString(),
        [$"Ingest:Imap:Mailboxes:{index}:Security"] = "Tls",
        [$"Ingest:Imap:Mailboxes:{index}:Username"] = dovecot.Server.Username,
        [$"Ingest:Imap:Mailboxes:{index}:Password"] = password,
        [$"Ingest:Imap:Mailboxes:{index}:Folder"] = folder,
        [$"Ingest:Imap:Mailboxes:{index}:BatchSize"] = "16",
        [$"Ingest:Imap:Mailboxes:{index}:PollInterval"] = "00:00:02",
        [$"Ingest:Imap:Mailboxes:{index}:CertificateSha256"] = CertificatePin.Fingerprint(dovecot.Server.Certificate.Certificate),
    };

    private static IHost BuildHost(TestDatabase database, params Dictionary<string, string?>[] mailboxes)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Test" });
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Mail:SupportAddress"] = "support@example.com",
            ["Mail:MessageIdDomain"] = "supertickets.test",
            ["Ingest:Imap:InitialBackoff"] = "00:00:00.200",
            ["Ingest:Imap:MaxBackoff"] = "00:00:01",
        };
        foreach (var pair in mailboxes.SelectMany(m => m))
        {
            settings[pair.Key] = pair.Value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddInProcessTransport();
        builder.AddImapIngestion();
        return builder.Build();
    }

    private static Task WaitUntilAsync(Func<Task<bool>> condition, string what) =>
        Eventually.UntilAsync(condition, what, TimeSpan.FromSeconds(30));

    [Fact]
    public async Task New_mail_is_stored_once_with_the_checkpoint_and_then_marked_seen()
    {
        var messages = TestMessages.Many(40).ToList();
        var folder = await dovecot.CreateFolderAsync(messages);
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = BuildHost(database, Mailbox(0, "support-imap", folder, dovecot.Server.Password));
        var progress = host.Services.GetRequiredService<IngestProgress>();
        var store = host.Services.GetRequiredService<MailboxStore>();

        await host.StartAsync(None);
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 40), "the first 40 messages are stored");
        await using (var client = await dovecot.ConnectAsync())
        {
            await client.AppendAsync(folder, TestMessages.Create(41), None);
            await client.AppendAsync(folder, messages[0], None);
        }

        await WaitUntilAsync(() => Task.FromResult(progress.Stored + progress.Duplicates == 42), "the appended messages are read");
        await using var check = await dovecot.ConnectAsync();
        var state = await check.SelectAsync(folder, None);
        await WaitUntilAsync(async () => (await check.UidSearchAsync("UNSEEN", None)).Count == 0, "every message is seen");
        await host.StopAsync(None);
        var mailbox = Assert.Single(await store.ListAsync(None));

        Assert.Equal(41, progress.Stored);
        Assert.Equal(1, progress.Duplicates);
        Assert.Equal($"{state.UidValidity}:42", mailbox.Checkpoint);
        Assert.Equal("imap", mailbox.Kind);
        Assert.Equal("active", mailbox.Status);
    }

    [Fact]
    public async Task A_restarted_poller_continues_from_the_stored_checkpoint_without_loss()
    {
        var folder = await dovecot.CreateFolderAsync(TestMessages.Many(100));
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        var mailbox = Mailbox(0, "restart", folder, dovecot.Server.Password);

        using (var first = BuildHost(database, mailbox))
        {
            var progress = first.Services.GetRequiredService<IngestProgress>();
            await first.StartAsync(None);
            await WaitUntilAsync(() => Task.FromResult(progress.Stored >= 16), "a first batch is stored");
            await first.StopAsync(None);
        }

        using var second = BuildHost(database, mailbox);
        var resumed = second.Services.GetRequiredService<IngestProgress>();
        await second.StartAsync(None);
        await WaitUntilAsync(async () => await CountStoredAsync(database, "restart") == 100, "all 100 messages are stored");
        await second.StopAsync(None);

        Assert.True(resumed.Stored < 100, "the second run re-read everything instead of resuming");
        Assert.True(resumed.Duplicates <= 16, $"{resumed.Duplicates} duplicates: more than one batch was re-read");
    }

    private static async Task<long> CountStoredAsync(TestDatabase database, string mailboxId)
    {
        await using var connection = await database.Factory.OpenAsync(None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM raw_emails WHERE mailbox_id = '{mailboxId}'";
        return Convert.ToInt64(await command.ExecuteScalarAsync(None));
    }

    [Fact]
    public async Task A_failing_mailbox_is_degraded_with_its_error_while_another_keeps_working()
    {
        var good = await dovecot.CreateFolderAsync(TestMessages.Many(5));
        var bad = await dovecot.CreateFolderAsync(TestMessages.Many(5));
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        using var host = BuildHost(database, Mailbox(0, "bad", bad, "wrong password"), Mailbox(1, "good", good, dovecot.Server.Password));
        var progress = host.Services.GetRequiredService<IngestProgress>();
        var store = host.Services.GetRequiredService<MailboxStore>();

        await host.StartAsync(None);
        await WaitUntilAsync(() => Task.FromResult(progress.Stored == 5), "the good mailbox is read");
        await WaitUntilAsync(async () => (await store.ListAsync(None)).Single(m => m.Id == "bad").Status == "degraded", "the bad mailbox is degraded");
        await host.StopAsync(None);
        var mailboxes = await store.ListAsync(None);

        var degraded = mailboxes.Single(m => m.Id == "bad");
        Assert.Contains(nameof(ImapAuthenticationException), degraded.LastError);
        Assert.Contains("AUTHENTICATIONFAILED", degraded.LastError);
        Assert.Null(degraded.Checkpoint);
        Assert.Equal("active", mailboxes.Single(m => m.Id == "good").Status);
    }

    [Fact]
    public async Task Invalid_mailbox_settings_stop_start_up_with_messages_naming_the_keys()
    {
        await using var database = await TestDatabase.CreateAsync(DbProvider.Sqlite, null);
        var duplicate = Mailbox(1, "a", "INBOX", "p");
        duplicate.Remove("Ingest:Imap:Mailboxes:1:Host");
        duplicate["Ingest:Imap:Mailboxes:1:AccessToken"] = "token";
        duplicate["Ingest:Imap:Mailboxes:1:CertificateSha256"] = "abc";
        duplicate["Ingest:Imap:Mailboxes:1:PollInterval"] = "01:00:00";
        using var host = BuildHost(database, Mailbox(0, "a", "INBOX", "p"), duplicate);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(None));

        Assert.Equal(
            [
                "Ingest:Imap:Mailboxes:1:Id 'a' is used twice.",
                "Ingest:Imap:Mailboxes:1:Host is required.",
                "Ingest:Imap:Mailboxes:1: give exactly one of Password and AccessToken.",
                "Ingest:Imap:Mailboxes:1:PollInterval must be positive and at most 25 minutes (IDLE must be renewed before 29).",
                "Ingest:Imap:Mailboxes:1:CertificateSha256 must be 64 hex digits.",
            ],
            error.Failures);
    }
}
