using System.Net.Sockets;
using System.Text;

namespace SuperTickets.Mail.Net.Tests.Servers;

/// <summary>
/// A private Dovecot IMAP server (package dovecot-imapd) in a temporary directory: generated configuration and
/// certificate, a passwd-file with one user, Maildir storage, loopback ports for STARTTLS and implicit TLS.
/// Runs in the foreground (dovecot -F) as a child of the test process; no system service is involved.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    private const uint MailUid = 65534;
    private readonly string _binary;
    private readonly string _configPath;
    private ServerProcess? _process;

    private DovecotServer(string binary, string directory, TestCertificate certificate)
    {
        _binary = binary;
        Directory = directory;
        Certificate = certificate;
        ImapPort = ServerProcess.FreePort();
        ImapsPort = ServerProcess.FreePort();
        _configPath = Path.Combine(directory, "dovecot.conf");
    }

    public string Directory { get; }

    public TestCertificate Certificate { get; }

    public int ImapPort { get; }

    public int ImapsPort { get; }

    public string Username => "agent";

    public string Password => "s3cret \"quoted\" pass";

    public MailCredentials Credentials => MailCredentials.WithPassword(Username, Password);

    public string LogPath => Path.Combine(Directory, "dovecot.log");

    public static async Task<DovecotServer> StartAsync()
    {
        var binary = ServerProcess.FindBinary("dovecot", "dovecot-imapd");
        var directory = System.IO.Directory.CreateTempSubdirectory("supertickets-dovecot-").FullName;
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        var server = new DovecotServer(binary, directory, TestCertificate.Create(directory));
        server.WriteConfiguration();
        await server.StartProcessAsync();
        return server;
    }

    public MailEndpoint Endpoint(MailSecurity security) =>
        new("127.0.0.1", security == MailSecurity.Tls ? ImapsPort : ImapPort, security)
        {
            CertificateValidation = Certificate.Pin(),
            TlsServerName = "localhost",
            Timeout = TimeSpan.FromSeconds(10),
        };

    /// <summary>Stops the server gracefully.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            await process.StopAsync();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Kills the server and every child at once.</summary>
    public async Task CrashAsync()
    {
        if (_process is { } process)
        {
            await process.CrashAsync();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the server again on the same ports with the same mail storage.</summary>
    public Task RestartAsync() => _process is null ? StartProcessAsync() : Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task StartProcessAsync()
    {
        var process = ServerProcess.Start(_binary, "-F", "-c", _configPath);
        _process = process;
        string Diagnostics() => process.Output + (File.Exists(LogPath) ? File.ReadAllText(LogPath) : string.Empty);
        await ServerProcess.WaitForPortAsync(ImapsPort, () => process.HasExited, Diagnostics);
        await ServerProcess.WaitForPortAsync(ImapPort, () => process.HasExited, Diagnostics);
        await WaitUntilReadyAsync(Diagnostics);
    }

    private async Task WaitUntilReadyAsync(Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", ImapPort);
            var buffer = new byte[512];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                var read = await client.GetStream().ReadAsync(buffer, timeout.Token);
                if (Encoding.ASCII.GetString(buffer, 0, read).Contains("ready", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Dovecot never became ready:\n{diagnostics()}");
    }

    private void WriteConfiguration()
    {
        var home = Path.Combine(Directory, "home");
        System.IO.Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_111_111);
        var users = Path.Combine(Directory, "users");
        File.WriteAllText(users, $"{Username}:{{PLAIN}}{Password}::::::\n");
        var root = ServerProcess.UserId == 0;
        var uid = root ? MailUid : ServerProcess.UserId;
        var gid = root ? MailUid : ServerProcess.GroupId;
        var rootless = root
            ? string.Empty
            : $"""
               default_login_user = {Environment.UserName}
               default_internal_user = {Environment.UserName}
               """;
        File.WriteAllText(_configPath, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{Directory}}/run
            state_dir = {{Directory}}/state
            log_path = {{LogPath}}
            ssl = required
            ssl_cert = <{{Certificate.CertificatePath}}
            ssl_key = <{{Certificate.KeyPath}}
            auth_mechanisms = plain login xoauth2
            auth_failure_delay = 0
            mail_max_userip_connections = 200
            mail_location = maildir:~/Maildir
            mailbox_idle_check_interval = 1 secs
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{users}}
            }
            userdb {
              driver = static
              args = uid={{uid}} gid={{gid}} home={{home}}/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{ImapPort}}
              }
              inet_listener imaps {
                address = 127.0.0.1
                port = {{ImapsPort}}
                ssl = yes
              }
              {{(root ? string.Empty : "chroot =")}}
            }
            service anvil {
              unix_listener anvil-auth-penalty {
                mode = 0
              }
            }
            {{rootless}}
            """);
    }
}
