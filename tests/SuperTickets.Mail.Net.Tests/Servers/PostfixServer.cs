using System.Diagnostics;
using System.Text;

namespace SuperTickets.Mail.Net.Tests.Servers;

/// <summary>
/// A private Postfix (package postfix) in a temporary directory: its own configuration directory, queue and
/// ports (submission with STARTTLS required, and implicit TLS), SASL through a private Dovecot auth service, and
/// every accepted message delivered to one Maildir the test can read. Must run as root, as Postfix's master does.
/// </summary>
public sealed class PostfixServer : IAsyncDisposable
{
    private const uint MailUid = 65534;
    private readonly string _postfix;
    private ServerProcess? _dovecot;
    private ServerProcess? _master;

    private PostfixServer(string postfix, string directory, TestCertificate certificate)
    {
        _postfix = postfix;
        Directory = directory;
        Certificate = certificate;
        SubmissionPort = ServerProcess.FreePort();
        SmtpsPort = ServerProcess.FreePort();
    }

    public string Directory { get; }

    public TestCertificate Certificate { get; }

    public int SubmissionPort { get; }

    public int SmtpsPort { get; }

    public string Username => "mailer";

    public string Password => "p@ss wörd";

    public MailCredentials Credentials => MailCredentials.WithPassword(Username, Password);

    /// <summary>Domains delivered into the test Maildir.</summary>
    public static IReadOnlyList<string> Domains => ["example.org", "example.net", "example.com"];

    private string ConfigDirectory => Path.Combine(Directory, "conf");

    private string MaildirPath => Path.Combine(Directory, "mail", "inbox");

    public static async Task<PostfixServer> StartAsync()
    {
        var postfix = ServerProcess.FindBinary("postfix", "postfix");
        var dovecot = ServerProcess.FindBinary("dovecot", "dovecot-core");
        if (ServerProcess.UserId != 0)
        {
            throw new InvalidOperationException("The Postfix test server needs root (its master process starts as root); run the tests as root, as CI does.");
        }

        var directory = System.IO.Directory.CreateTempSubdirectory("supertickets-postfix-").FullName;
        File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        var server = new PostfixServer(postfix, directory, TestCertificate.Create(directory));
        try
        {
            await server.StartAsync(dovecot);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public MailEndpoint Endpoint(MailSecurity security) =>
        new("127.0.0.1", security == MailSecurity.Tls ? SmtpsPort : SubmissionPort, security)
        {
            CertificateValidation = Certificate.Pin(),
            TlsServerName = "localhost",
            Timeout = TimeSpan.FromSeconds(10),
        };

    /// <summary>Waits until <paramref name="count"/> delivered copies contain <paramref name="marker"/> and returns them.</summary>
    public async Task<IReadOnlyList<byte[]>> WaitForDeliveriesAsync(string marker, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var needle = Encoding.UTF8.GetBytes(marker);
        while (true)
        {
            var found = new[] { "new", "cur" }
                .Select(sub => Path.Combine(MaildirPath, sub))
                .Where(System.IO.Directory.Exists)
                .SelectMany(System.IO.Directory.EnumerateFiles)
                .Select(File.ReadAllBytes)
                .Where(bytes => bytes.AsSpan().IndexOf(needle) >= 0)
                .ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {found.Count} of {count} deliveries arrived. Postfix log:\n{Log()}");
            }

            await Task.Delay(50);
        }
    }

    public string Log()
    {
        var log = Path.Combine(Directory, "postfix.log");
        return File.Exists(log) ? File.ReadAllText(log) : string.Empty;
    }

    public async ValueTask DisposeAsync()
    {
        if (_master is { } master)
        {
            await RunAsync(_postfix, "-c", ConfigDirectory, "stop");
            await master.StopAsync();
            master.Dispose();
        }

        if (_dovecot is { } dovecot)
        {
            await dovecot.StopAsync();
            dovecot.Dispose();
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task StartAsync(string dovecot)
    {
        foreach (var sub in new[] { "conf", "queue", "data", "run", "state", "mail" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, sub));
        }

        File.SetUnixFileMode(Path.Combine(Directory, "mail"), (UnixFileMode)0b111_111_111);
        await RunAsync("chown", "postfix", Path.Combine(Directory, "data"));
        var configs = new PostfixConfiguration(Directory, Certificate, SubmissionPort, SmtpsPort, MailUid);
        File.WriteAllText(Path.Combine(Directory, "users"), $"{Username}:{{PLAIN}}{Password}::::::\n");
        File.WriteAllText(Path.Combine(Directory, "dovecot-auth.conf"), configs.DovecotAuth());
        File.WriteAllText(Path.Combine(ConfigDirectory, "main.cf"), configs.Main(Domains));
        File.WriteAllText(Path.Combine(ConfigDirectory, "master.cf"), configs.Master());

        _dovecot = ServerProcess.Start(dovecot, "-F", "-c", Path.Combine(Directory, "dovecot-auth.conf"));
        var socket = Path.Combine(Directory, "run", "auth-smtp");
        for (var i = 0; i < 200 && !File.Exists(socket); i++)
        {
            await Task.Delay(50);
        }

        if (!File.Exists(socket))
        {
            throw new InvalidOperationException($"The Dovecot auth service for Postfix did not start:\n{_dovecot.Output}");
        }

        await RunAsync(_postfix, "-c", ConfigDirectory, "check");
        var master = ServerProcess.Start(_postfix, "-c", ConfigDirectory, "start-fg");
        _master = master;
        string Diagnostics() => master.Output + Log();
        await ServerProcess.WaitForPortAsync(SubmissionPort, () => master.HasExited, Diagnostics);
        await ServerProcess.WaitForPortAsync(SmtpsPort, () => master.HasExited, Diagnostics);
    }

    private async Task RunAsync(string binary, params string[] arguments)
    {
        var info = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{binary} {string.Join(' ', arguments)}' failed ({process.ExitCode}): {await output}{await error}\n{Log()}");
        }
    }
}
