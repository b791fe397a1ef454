using System.Text;

namespace SuperTickets.Mail.Net.Imap;

/// <summary>
/// A small IMAP4rev1 client (RFC 3501, compatible with IMAP4rev2 servers): TLS or STARTTLS, LOGIN and SASL
/// PLAIN/XOAUTH2, SELECT, UID SEARCH/FETCH/STORE, APPEND, IDLE. One command at a time; not thread-safe.
/// Network failures surface as <see cref="IOException"/> or <see cref="TimeoutException"/>; refusals as
/// <see cref="ImapException"/>. After any failure, dispose the client and connect again.
/// </summary>
public sealed partial class ImapClient : IAsyncDisposable
{
    private readonly MailConnection _connection;
    private readonly MailEndpoint _endpoint;
    private HashSet<string> _capabilities = new(StringComparer.OrdinalIgnoreCase);
    private int _tag;
    private string? _bye;
    private bool _faulted;

    private ImapClient(MailConnection connection, MailEndpoint endpoint)
    {
        _connection = connection;
        _endpoint = endpoint;
    }

    /// <summary>Largest literal (message) accepted from the server.</summary>
    public const long MaxLiteralSize = 256L * 1024 * 1024;

    public IReadOnlySet<string> Capabilities => _capabilities;

    public bool IsAuthenticated { get; private set; }

    /// <summary>False once the connection failed, timed out or the server said BYE.</summary>
    public bool IsUsable => !_faulted && !_connection.IsBroken && _bye is null;

    public bool IsEncrypted => _connection.IsEncrypted;

    /// <summary>Connects, reads the greeting and, for <see cref="MailSecurity.StartTls"/>, upgrades before returning.</summary>
    public static async Task<ImapClient> ConnectAsync(MailEndpoint endpoint, CancellationToken ct)
    {
        var connection = await MailConnection.OpenAsync(endpoint, ct);
        var client = new ImapClient(connection, endpoint);
        try
        {
            var greeting = await client.ReadResponseAsync(ct);
            if (greeting.Kind != ImapResponseKind.Untagged || greeting.Status is not ("OK" or "PREAUTH"))
            {
                throw new ImapException("CONNECT", greeting.Status ?? "?", greeting.Code, greeting.Text);
            }

            client.HandleUntagged(greeting);
            client.IsAuthenticated = greeting.IsStatus("PREAUTH");
            if (endpoint.Security == MailSecurity.StartTls)
            {
                await client.StartTlsAsync(ct);
            }
            else if (client._capabilities.Count == 0)
            {
                await client.RefreshCapabilitiesAsync(ct);
            }

            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    public async Task<IReadOnlySet<string>> RefreshCapabilitiesAsync(CancellationToken ct)
    {
        await ExecuteAsync(new ImapCommand("CAPABILITY"), null, ct);
        return _capabilities;
    }

    /// <summary>Authenticates with XOAUTH2 when an access token is given, otherwise SASL PLAIN when offered, else LOGIN.</summary>
    public Task AuthenticateAsync(MailCredentials credentials, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.AccessToken is { } token)
        {
            return AuthenticateXOAuth2Async(credentials.Username, token, ct);
        }

        return _capabilities.Contains("AUTH=PLAIN")
            ? AuthenticatePlainAsync(credentials.Username, credentials.Password!, ct)
            : LoginAsync(credentials.Username, credentials.Password!, ct);
    }

    public async Task LoginAsync(string username, string password, CancellationToken ct)
    {
        if (_capabilities.Contains("LOGINDISABLED"))
        {
            throw new ImapAuthenticationException("The server disabled LOGIN on this connection; connect with TLS or STARTTLS.");
        }

        await AuthenticatedCommandAsync(new ImapCommand("LOGIN", isAuthentication: true).String(username).String(password), null, ct);
    }

    public Task AuthenticatePlainAsync(string username, string password, CancellationToken ct) =>
        AuthenticateSaslAsync("PLAIN", Sasl.Plain(username, password), ct);

    public Task AuthenticateXOAuth2Async(string username, string accessToken, CancellationToken ct) =>
        AuthenticateSaslAsync("XOAUTH2", Sasl.XOAuth2(username, accessToken), ct);

    public async Task LogoutAsync(CancellationToken ct)
    {
        if (!IsUsable)
        {
            return;
        }

        try
        {
            await ExecuteAsync(new ImapCommand("LOGOUT"), null, ct);
        }
        catch (IOException)
        {
            // The server may close the connection right after BYE, before the tagged OK.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _faulted = true;
        await _connection.DisposeAsync();
    }

    private async Task StartTlsAsync(CancellationToken ct)
    {
        if (_capabilities.Count == 0)
        {
            await RefreshCapabilitiesAsync(ct);
        }

        if (!_capabilities.Contains("STARTTLS"))
        {
            throw new ImapException("The server does not offer STARTTLS; refusing to continue without encryption.");
        }

        await ExecuteAsync(new ImapCommand("STARTTLS"), null, ct);
        await _connection.StartTlsAsync(ct);
        _capabilities.Clear();
        await RefreshCapabilitiesAsync(ct);
    }

    private async Task AuthenticateSaslAsync(string mechanism, string initialResponse, CancellationToken ct)
    {
        if (!_capabilities.Contains("AUTH=" + mechanism))
        {
            throw new ImapAuthenticationException($"The server does not offer AUTH={mechanism}.");
        }

        var saslIr = _capabilities.Contains("SASL-IR");
        var command = new ImapCommand("AUTHENTICATE", isAuthentication: true).Raw(mechanism);
        if (saslIr)
        {
            command.Raw(initialResponse.Length == 0 ? "=" : initialResponse);
        }

        var sentInitial = saslIr;
        await AuthenticatedCommandAsync(command, async () =>
        {
            // Before the initial response the server asks for it; afterwards a challenge is an error report
            // (XOAUTH2 sends a JSON one), answered with an empty line so the server finishes with NO.
            var answer = sentInitial ? string.Empty : initialResponse;
            sentInitial = true;
            await _connection.WriteAsync(Encoding.ASCII.GetBytes(answer + "\r\n"), ct);
        }, ct);
    }

    private async Task AuthenticatedCommandAsync(ImapCommand command, Func<Task>? onContinuation, CancellationToken ct)
    {
        var ok = await ExecuteAsync(command, null, ct, onContinuation);
        IsAuthenticated = true;
        if (ok.CodeName != "CAPABILITY")
        {
            _capabilities.Clear();
            await RefreshCapabilitiesAsync(ct);
        }
    }
}
