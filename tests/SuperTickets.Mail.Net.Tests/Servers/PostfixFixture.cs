namespace SuperTickets.Mail.Net.Tests.Servers;

/// <summary>One Postfix for a test collection; tests tell their deliveries apart by a unique marker.</summary>
public sealed class PostfixFixture : IAsyncLifetime
{
    private PostfixServer? _server;

    public PostfixServer Server => _server ?? throw new InvalidOperationException("Postfix is not running.");

    public async Task InitializeAsync() => _server = await PostfixServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
