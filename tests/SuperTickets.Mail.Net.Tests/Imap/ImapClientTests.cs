using System.Security.Authentication;
using SuperTickets.Mail.Net.Imap;
using SuperTickets.Mail.Net.Tests.Servers;

namespace SuperTickets.Mail.Net.Tests.Imap;

[Collection(DovecotCollection.Name)]
public sealed class ImapClientTests(DovecotFixture dovecot)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(MailSecurity.Tls)]
    [InlineData(MailSecurity.StartTls)]
    public async Task Both_implicit_TLS_and_STARTTLS_connect_encrypted_and_log_in(MailSecurity security)
    {
        await using var client = await ImapClient.ConnectAsync(dovecot.Server.Endpoint(security), None);
        Assert.True(client.IsEncrypted);
        Assert.DoesNotContain("LOGINDISABLED", client.Capabilities);

        await client.LoginAsync(dovecot.Server.Username, dovecot.Server.Password, None);
        var inbox = await client.SelectAsync("INBOX", None);

        Assert.True(client.IsAuthenticated);
        Assert.True(inbox.UidValidity > 0);
        Assert.Contains("IDLE", client.Capabilities);
    }

    [Fact]
    public async Task Security_none_stays_unencrypted_and_sees_the_offer_of_starttls()
    {
        await using var client = await ImapClient.ConnectAsync(dovecot.Server.Endpoint(MailSecurity.None), None);

        Assert.False(client.IsEncrypted);
        Assert.Contains("STARTTLS", client.Capabilities);
    }

    [Fact]
    public async Task An_unpinned_self_signed_certificate_is_rejected()
    {
        var endpoint = dovecot.Server.Endpoint(MailSecurity.Tls) with { CertificateValidation = null };

        await Assert.ThrowsAsync<AuthenticationException>(() => ImapClient.ConnectAsync(endpoint, None));
    }

    [Theory]
    [InlineData("LOGIN")]
    [InlineData("PLAIN")]
    [InlineData("XOAUTH2")]
    public async Task Wrong_credentials_raise_an_authentication_exception_with_the_server_text(string mechanism)
    {
        await using var client = await ImapClient.ConnectAsync(dovecot.Server.Endpoint(MailSecurity.Tls), None);

        var error = await Assert.ThrowsAsync<ImapAuthenticationException>(() => mechanism switch
        {
            "LOGIN" => client.LoginAsync(dovecot.Server.Username, "wrong", None),
            "PLAIN" => client.AuthenticatePlainAsync(dovecot.Server.Username, "wrong", None),
            _ => client.AuthenticateXOAuth2Async(dovecot.Server.Username, "not-a-token", None),
        });

        Assert.Equal("NO", error.Status);
        Assert.Contains("AUTHENTICATIONFAILED", error.Message);
        Assert.DoesNotContain("wrong", error.Message);
        Assert.True(client.IsUsable);
    }

    [Fact]
    public async Task Sasl_plain_and_xoauth2_succeed_with_valid_secrets()
    {
        await using var plain = await ImapClient.ConnectAsync(dovecot.Server.Endpoint(MailSecurity.Tls), None);
        await plain.AuthenticatePlainAsync(dovecot.Server.Username, dovecot.Server.Password, None);
        await using var oauth = await ImapClient.ConnectAsync(dovecot.Server.Endpoint(MailSecurity.StartTls), None);
        // The test server's passdb checks the bearer token like a password.
        await oauth.AuthenticateAsync(MailCredentials.WithAccessToken(dovecot.Server.Username, dovecot.Server.Password), None);

        Assert.True(plain.IsAuthenticated);
        Assert.Equal("INBOX", (await oauth.SelectAsync("INBOX", None)).Name);
    }

    [Fact]
    public async Task Selecting_a_missing_folder_reports_the_servers_refusal()
    {
        await using var client = await dovecot.ConnectAsync();

        var error = await Assert.ThrowsAsync<ImapException>(() => client.SelectAsync("Does-Not-Exist", None));

        Assert.Equal("NO", error.Status);
        Assert.Equal("SELECT", error.Command);
        Assert.NotEmpty(error.ResponseText!);
        Assert.True(client.IsUsable);
    }

    [Fact]
    public async Task Fetched_messages_are_byte_identical_and_peeking_leaves_them_unseen_until_stored()
    {
        var messages = TestMessages.Many(3).ToList();
        var folder = await dovecot.CreateFolderAsync(messages);
        await using var client = await dovecot.ConnectAsync();
        var state = await client.SelectAsync(folder, None);

        var uids = await client.UidSearchAsync("ALL", None);
        var fetched = await client.UidFetchAsync(uids, None);
        await client.UidStoreFlagsAsync([uids[1]], [@"\Seen"], None);
        var unseen = await client.UidSearchAsync("UNSEEN", None);

        Assert.Equal(3u, state.Exists);
        Assert.Equal(messages, fetched.Select(m => m.Content));
        Assert.All(fetched, m => Assert.DoesNotContain(@"\Seen", m.Flags));
        Assert.Equal([uids[0], uids[2]], unseen);
    }

    [Fact]
    public async Task A_large_message_is_read_intact_across_many_chunks()
    {
        var large = TestMessages.Create(1, bodyLines: 120_000);
        var folder = await dovecot.CreateFolderAsync([large]);
        await using var client = await dovecot.ConnectAsync();
        await client.SelectAsync(folder, None);

        var fetched = await client.UidFetchAsync(await client.UidSearchAsync("ALL", None), None);

        Assert.True(large.Length > 5_000_000);
        Assert.Equal(large, Assert.Single(fetched).Content);
    }

    [Fact]
    public async Task Append_reports_the_new_uid_and_folder_names_may_be_non_ascii()
    {
        var folder = "Entwürfe " + Guid.NewGuid().ToString("N")[..6];
        await using var client = await dovecot.ConnectAsync();
        await client.CreateMailboxAsync(folder, None);

        var uid = await client.AppendAsync(folder, TestMessages.Create(7), None, [@"\Flagged"]);
        await client.SelectAsync(folder, None);
        var fetched = await client.UidFetchAsync([uid!.Value], None);

        Assert.Contains(@"\Flagged", Assert.Single(fetched).Flags);
        await client.DeleteMailboxAsync(folder, None);
    }

    [Fact]
    public async Task Idle_returns_as_soon_as_another_session_delivers_a_message()
    {
        var folder = await dovecot.CreateFolderAsync([]);
        await using var watcher = await dovecot.ConnectAsync();
        await watcher.SelectAsync(folder, None);
        await using var sender = await dovecot.ConnectAsync();

        var started = DateTime.UtcNow;
        var idle = watcher.IdleAsync(TimeSpan.FromSeconds(20), None);
        await Task.Delay(200);
        await sender.AppendAsync(folder, TestMessages.Create(1), None);
        var changed = await idle;

        Assert.True(changed);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Single(await watcher.UidSearchAsync("ALL", None));
    }

    [Fact]
    public async Task Idle_without_changes_ends_after_the_wait_and_leaves_the_session_usable()
    {
        var folder = await dovecot.CreateFolderAsync([TestMessages.Create(1)]);
        await using var client = await dovecot.ConnectAsync();
        await client.SelectAsync(folder, None);

        var changed = await client.IdleAsync(TimeSpan.FromMilliseconds(300), None);

        Assert.False(changed);
        Assert.False(await client.NoopAsync(None));
        Assert.Single(await client.UidSearchAsync("ALL", None));
    }
}
