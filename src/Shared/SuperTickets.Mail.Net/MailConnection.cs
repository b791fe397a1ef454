using System.Net.Security;
using System.Net.Sockets;

namespace SuperTickets.Mail.Net;

/// <summary>
/// A buffered line-and-octet connection to a mail server, plain or TLS. Every read and write is bounded by
/// the endpoint's timeout; after a timeout or cancellation the connection is broken and must be discarded.
/// </summary>
internal sealed class MailConnection : IAsyncDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly MailEndpoint _endpoint;
    private readonly Socket _socket;
    private Stream _stream;
    private byte[] _buffer = new byte[ChunkSize];
    private int _start;
    private int _end;

    private MailConnection(MailEndpoint endpoint, Socket socket, Stream stream)
    {
        _endpoint = endpoint;
        _socket = socket;
        _stream = stream;
    }

    /// <summary>Longest line accepted from the server before the connection is treated as hostile.</summary>
    public int MaxLineLength { get; init; } = 1024 * 1024;

    public bool IsEncrypted => _stream is SslStream;

    public bool IsBroken { get; private set; }

    public static async Task<MailConnection> OpenAsync(MailEndpoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(endpoint.Timeout);
                try
                {
                    await socket.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    throw new TimeoutException($"Could not connect to {endpoint.Host}:{endpoint.Port} within {endpoint.Timeout.TotalSeconds:0.#} s.");
                }
            }

            var connection = new MailConnection(endpoint, socket, new NetworkStream(socket, ownsSocket: false));
            if (endpoint.Security == MailSecurity.Tls)
            {
                await connection.StartTlsAsync(ct);
            }

            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Upgrades the connection to TLS. Unread bytes at this point would be plaintext injected before the handshake, so they are refused.</summary>
    public async Task StartTlsAsync(CancellationToken ct)
    {
        if (_start != _end)
        {
            IsBroken = true;
            throw new IOException("The server sent data before the TLS handshake; refusing to continue.");
        }

        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = _endpoint.TlsServerName ?? _endpoint.Host,
            RemoteCertificateValidationCallback = _endpoint.CertificateValidation,
        };
        await RunTimedAsync(async token => { await ssl.AuthenticateAsClientAsync(options, token); return 0; }, _endpoint.Timeout, "TLS handshake", ct);
        _stream = ssl;
    }

    /// <summary>Reads one line without its CRLF (a bare LF is tolerated).</summary>
    public async ValueTask<byte[]> ReadLineAsync(CancellationToken ct, TimeSpan? timeout = null)
    {
        var scanFrom = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == (byte)'\r')
                {
                    length--;
                }

                var line = _buffer.AsSpan(_start, length).ToArray();
                _start = newline + 1;
                return line;
            }

            if (_end - _start >= MaxLineLength)
            {
                IsBroken = true;
                throw new IOException($"The server sent a line longer than {MaxLineLength} bytes.");
            }

            scanFrom = _end - _start;
            await FillAsync(timeout ?? _endpoint.Timeout, ct);
            scanFrom += _start;
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> octets, chunk by chunk, each chunk under the timeout.</summary>
    public async ValueTask<byte[]> ReadExactAsync(int count, CancellationToken ct)
    {
        var result = GC.AllocateUninitializedArray<byte>(count);
        var filled = Math.Min(count, _end - _start);
        _buffer.AsSpan(_start, filled).CopyTo(result);
        _start += filled;
        while (filled < count)
        {
            var chunk = result.AsMemory(filled, Math.Min(ChunkSize, count - filled));
            var read = await RunTimedAsync(token => _stream.ReadAsync(chunk, token), _endpoint.Timeout, "read", ct);
            if (read == 0)
            {
                IsBroken = true;
                throw new IOException("The server closed the connection in the middle of a literal.");
            }

            filled += read;
        }

        return result;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        await RunTimedAsync(async token =>
        {
            await _stream.WriteAsync(data, token);
            await _stream.FlushAsync(token);
            return 0;
        }, _endpoint.Timeout, "write", ct);
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await _stream.DisposeAsync();
        _socket.Dispose();
    }

    private async ValueTask FillAsync(TimeSpan timeout, CancellationToken ct)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = await RunTimedAsync(token => _stream.ReadAsync(_buffer.AsMemory(_end), token), timeout, "read", ct);
        if (read == 0)
        {
            IsBroken = true;
            throw new IOException("The server closed the connection.");
        }

        _end += read;
    }

    private async ValueTask<T> RunTimedAsync<T>(Func<CancellationToken, ValueTask<T>> operation, TimeSpan timeout, string what, CancellationToken ct)
    {
        if (IsBroken)
        {
            throw new IOException("The connection is broken by an earlier failure; open a new one.");
        }

        using var timed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timed.CancelAfter(timeout);
        try
        {
            return await operation(timed.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            IsBroken = true;
            throw new TimeoutException($"The mail server at {_endpoint.Host}:{_endpoint.Port} did not complete a {what} within {timeout.TotalSeconds:0.#} s.");
        }
        catch
        {
            IsBroken = true;
            throw;
        }
    }
}
