using System.Globalization;
using System.Text;

namespace SuperTickets.Mail.Net.Smtp;

/// <summary>
/// A small SMTP submission client (RFC 5321): EHLO, STARTTLS or implicit TLS, AUTH PLAIN/LOGIN/XOAUTH2, MAIL FROM
/// with SIZE, BODY=8BITMIME and SMTPUTF8 when needed, several RCPT TO, DATA with dot-stuffing, QUIT.
/// Server refusals raise <see cref="SmtpException"/> (4xx transient, 5xx permanent); network failures raise
/// <see cref="IOException"/> or <see cref="TimeoutException"/>. One transaction at a time; not thread-safe.
/// </summary>
public sealed class SmtpSender : IAsyncDisposable
{
    private readonly MailConnection _connection;
    private readonly string _clientName;
    private Dictionary<string, string> _extensions = new(StringComparer.OrdinalIgnoreCase);

    private SmtpSender(MailConnection connection, string clientName)
    {
        _connection = connection;
        _clientName = clientName;
    }

    /// <summary>EHLO keywords the server advertised, with their parameters (<c>SIZE</c> → <c>20000000</c>).</summary>
    public IReadOnlyDictionary<string, string> Extensions => _extensions;

    public bool IsEncrypted => _connection.IsEncrypted;

    public bool IsAuthenticated { get; private set; }

    /// <summary>Connects, reads the greeting, says EHLO and, for <see cref="MailSecurity.StartTls"/>, upgrades and says EHLO again.</summary>
    public static async Task<SmtpSender> ConnectAsync(MailEndpoint endpoint, CancellationToken ct, string? clientName = null)
    {
        var connection = await MailConnection.OpenAsync(endpoint, ct);
        var sender = new SmtpSender(connection, clientName ?? "localhost");
        try
        {
            Expect(await sender.ReadResponseAsync(ct), "CONNECT", 220);
            await sender.HelloAsync(ct);
            if (endpoint.Security == MailSecurity.StartTls)
            {
                if (!sender._extensions.ContainsKey("STARTTLS"))
                {
                    throw new IOException("The SMTP server does not offer STARTTLS; refusing to continue without encryption.");
                }

                Expect(await sender.CommandAsync("STARTTLS", ct), "STARTTLS", 220);
                await connection.StartTlsAsync(ct);
                await sender.HelloAsync(ct);
            }

            return sender;
        }
        catch
        {
            await sender.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// XOAUTH2 when an access token is given; otherwise PLAIN, or LOGIN when PLAIN is not offered.
    /// <paramref name="mechanism"/> (PLAIN, LOGIN or XOAUTH2) restricts the choice to that one.
    /// </summary>
    public async Task AuthenticateAsync(MailCredentials credentials, CancellationToken ct, string? mechanism = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var mechanisms = _extensions.TryGetValue("AUTH", out var list) ? list.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        bool Offers(string name) =>
            mechanisms.Contains(name, StringComparer.OrdinalIgnoreCase) && (mechanism is null || string.Equals(mechanism, name, StringComparison.OrdinalIgnoreCase));
        SmtpResponse response;
        if (credentials.AccessToken is { } token && Offers("XOAUTH2"))
        {
            response = await CommandAsync("AUTH XOAUTH2 " + Sasl.XOAuth2(credentials.Username, token), ct);
            if (response.Code == 334)
            {
                response = await CommandAsync(string.Empty, ct);
            }
        }
        else if (credentials.Password is { } password && Offers("PLAIN"))
        {
            response = await CommandAsync("AUTH PLAIN " + Sasl.Plain(credentials.Username, password), ct);
        }
        else if (credentials.Password is { } loginPassword && Offers("LOGIN"))
        {
            response = await CommandAsync("AUTH LOGIN", ct);
            if (response.Code == 334)
            {
                response = await CommandAsync(Sasl.Base64(credentials.Username), ct);
            }

            if (response.Code == 334)
            {
                response = await CommandAsync(Sasl.Base64(loginPassword), ct);
            }
        }
        else
        {
            throw new SmtpAuthenticationException("AUTH", 504, null, $"No usable mechanism; the server offers '{list ?? "none"}'{(IsEncrypted ? string.Empty : " (many servers offer AUTH only after STARTTLS)")}.");
        }

        if (response.Code != 235)
        {
            throw new SmtpAuthenticationException("AUTH", response.Code, response.EnhancedStatus, response.Message);
        }

        IsAuthenticated = true;
    }

    /// <summary>
    /// Sends one message. Line endings are normalized to CRLF and leading dots stuffed; the octets are otherwise
    /// sent as given. Fails before DATA when every recipient is refused, or when the message needs 8BITMIME,
    /// SMTPUTF8 or more SIZE than the server offers.
    /// </summary>
    public async Task<SmtpSendResult> SendAsync(string from, IReadOnlyCollection<string> recipients, ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        ValidateAddress(from, allowEmpty: true);
        ArgumentOutOfRangeException.ThrowIfZero(recipients.Count);
        foreach (var recipient in recipients)
        {
            ValidateAddress(recipient, allowEmpty: false);
        }

        var data = SmtpDataEncoder.Encode(message.Span);
        var mailFrom = new StringBuilder("MAIL FROM:<").Append(from).Append('>');
        if (_extensions.TryGetValue("SIZE", out var sizeText))
        {
            var size = data.Length - 3;
            if (long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0 && size > limit)
            {
                throw new SmtpException("MAIL", 552, "5.3.4", $"The message ({size} octets) exceeds the server's size limit of {limit}.");
            }

            mailFrom.Append(CultureInfo.InvariantCulture, $" SIZE={size}");
        }

        if (SmtpDataEncoder.HasEightBit(message.Span))
        {
            mailFrom.Append(RequireExtension("8BITMIME", "the message contains 8-bit octets") ? " BODY=8BITMIME" : string.Empty);
        }

        if (!Ascii.IsValid(from) || recipients.Any(r => !Ascii.IsValid(r)))
        {
            mailFrom.Append(RequireExtension("SMTPUTF8", "an address is not ASCII") ? " SMTPUTF8" : string.Empty);
        }

        await TransactAsync(mailFrom.ToString(), "MAIL", ct);
        var accepted = new List<string>();
        var rejected = new List<SmtpRejectedRecipient>();
        foreach (var recipient in recipients)
        {
            var reply = await CommandAsync($"RCPT TO:<{recipient}>", ct);
            if (reply.IsPositive)
            {
                accepted.Add(recipient);
            }
            else
            {
                rejected.Add(new SmtpRejectedRecipient(recipient, reply.Code, reply.Message));
            }
        }

        if (accepted.Count == 0)
        {
            await ResetAsync(ct);
            var first = rejected[0];
            throw new SmtpException("RCPT", first.Code, null, $"Every recipient was refused; first: {first.Text}");
        }

        await TransactAsync("DATA", "DATA", ct, expected: 354);
        await _connection.WriteAsync(data, ct);
        var done = await ReadResponseAsync(ct);
        if (!done.IsPositive)
        {
            throw new SmtpException("DATA", done.Code, done.EnhancedStatus, done.Message);
        }

        return new SmtpSendResult(accepted, rejected, done.Text);
    }

    /// <summary>Abandons the current transaction (RSET), keeping the session.</summary>
    public async Task ResetAsync(CancellationToken ct) => Expect(await CommandAsync("RSET", ct), "RSET", 250);

    public async Task QuitAsync(CancellationToken ct)
    {
        if (!_connection.IsBroken)
        {
            try
            {
                await CommandAsync("QUIT", ct);
            }
            catch (IOException)
            {
                // Some servers close before the 221 arrives; the session is over either way.
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private async Task HelloAsync(CancellationToken ct)
    {
        var response = await CommandAsync("EHLO " + _clientName, ct);
        if (response.Code is >= 500 and < 600)
        {
            Expect(await CommandAsync("HELO " + _clientName, ct), "HELO", 250);
            _extensions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            return;
        }

        Expect(response, "EHLO", 250);
        _extensions = response.Lines.Skip(1)
            .Select(line => line.Split(' ', 2))
            .GroupBy(parts => parts[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First() is { Length: 2 } parts ? parts[1] : string.Empty, StringComparer.OrdinalIgnoreCase);
    }

    private bool RequireExtension(string extension, string reason) =>
        _extensions.ContainsKey(extension)
            ? true
            : throw new SmtpException("MAIL", 554, "5.6.7", $"The server does not offer {extension}, but {reason}.");

    private async Task TransactAsync(string command, string name, CancellationToken ct, int expected = 250)
    {
        var response = await CommandAsync(command, ct);
        if (response.Code != expected)
        {
            if (response.Code is >= 400 and < 600)
            {
                await ResetAsync(ct);
            }

            throw new SmtpException(name, response.Code, response.EnhancedStatus, response.Message);
        }
    }

    private async Task<SmtpResponse> CommandAsync(string command, CancellationToken ct)
    {
        await _connection.WriteAsync(Encoding.UTF8.GetBytes(command + "\r\n"), ct);
        return await ReadResponseAsync(ct);
    }

    private async Task<SmtpResponse> ReadResponseAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = Encoding.UTF8.GetString(await _connection.ReadLineAsync(ct));
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || (line.Length > 3 && line[3] is not (' ' or '-')))
            {
                throw new IOException($"Malformed SMTP reply: '{(line.Length > 80 ? line[..80] : line)}'.");
            }

            lines.Add(line.Length > 4 ? line[4..] : string.Empty);
            if (line.Length == 3 || line[3] == ' ')
            {
                return new SmtpResponse(code, lines);
            }
        }
    }

    private static void Expect(SmtpResponse response, string command, int code)
    {
        if (response.Code != code)
        {
            throw new SmtpException(command, response.Code, response.EnhancedStatus, response.Message);
        }
    }

    private static void ValidateAddress(string address, bool allowEmpty)
    {
        ArgumentNullException.ThrowIfNull(address);
        if ((!allowEmpty && address.Length == 0) || address.AsSpan().IndexOfAny("<>\r\n\0 ") >= 0)
        {
            throw new ArgumentException("An SMTP envelope address must be a bare address without spaces, brackets or line breaks.", nameof(address));
        }
    }
}
