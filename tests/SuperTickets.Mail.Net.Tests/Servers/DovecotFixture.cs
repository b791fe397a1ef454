using SuperTickets.Mail.Net.Imap;

namespace SuperTickets.Mail.Net.Tests.Servers;

/// <summary>One Dovecot for a test collection; each test works in its own folder.</summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    private DovecotServer? _server;

    public DovecotServer Server => _server ?? throw new InvalidOperationException("Dovecot is not running.");

    public async Task InitializeAsync() => _server = await DovecotServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public async Task<ImapClient> ConnectAsync(MailSecurity security = MailSecurity.Tls)
    {
        var client = await ImapClient.ConnectAsync(Server.Endpoint(security), CancellationToken.None);
        await client.AuthenticateAsync(Server.Credentials, CancellationToken.None);
        return client;
    }

    /// <summary>Creates a fresh folder holding the given messages, appended in order.</summary>
    public async Task<string> CreateFolderAsync(IEnumerable<byte[]> messages)
    {
        var folder = "T" + Guid.NewGuid().ToString("N")[..12];
        await using var client = await ConnectAsync();
        await client.CreateMailboxAsync(folder, CancellationToken.None);
        foreach (var message in messages)
        {
            await client.AppendAsync(folder, message, CancellationToken.None);
        }

        await client.LogoutAsync(CancellationToken.None);
        return folder;
    }
}
