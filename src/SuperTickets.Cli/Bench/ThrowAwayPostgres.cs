using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SuperTickets.Cli.Bench;

/// <summary>
/// A PostgreSQL cluster from the installed server binaries on a free loopback port, tuned for speed over
/// durability (fsync off) and deleted on dispose: for load runs only. As root it runs as the postgres user.
/// </summary>
public sealed class ThrowAwayPostgres : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "supertickets-pg-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly string _binaries;

    private ThrowAwayPostgres(string binaries) => _binaries = binaries;

    public int Port { get; private set; }

    /// <summary>Npgsql connection string of the database created at start.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=supertickets;Maximum Pool Size=60";

    /// <exception cref="InvalidOperationException">The server binaries are missing or the cluster did not start.</exception>
    public static async Task<ThrowAwayPostgres> StartAsync(CancellationToken ct)
    {
        var server = new ThrowAwayPostgres(FindBinaries());
        try
        {
            await server.InitializeAsync(ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (Port != 0)
            {
                await RunAsync(Path.Combine(_binaries, "pg_ctl"), $"-D {_directory}/data -m immediate -w stop", asPostgres: true, CancellationToken.None);
            }
        }
        finally
        {
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }

    private async Task InitializeAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_directory);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", $"postgres:postgres {_directory}", asPostgres: false, ct);
        }
        await RunAsync(Path.Combine(_binaries, "initdb"), $"-D {_directory}/data -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8", asPostgres: true, ct);
        var port = FreePort();
        var settings = $"-p {port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        await RunAsync(Path.Combine(_binaries, "pg_ctl"), $"-D {_directory}/data -l {_directory}/server.log -o \"{settings}\" -w -t 60 start", asPostgres: true, ct);
        Port = port;
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false");
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("CREATE DATABASE supertickets", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending().ToArray()
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them: apt-get install -y postgresql");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string arguments, bool asPostgres, CancellationToken ct)
    {
        var start = asPostgres && Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Path.GetFileName(file)} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
