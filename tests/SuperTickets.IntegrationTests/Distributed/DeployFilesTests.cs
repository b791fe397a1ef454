using System.Diagnostics;
using SuperTickets.Testing;

namespace SuperTickets.IntegrationTests.Distributed;

/// <summary>The deployment files agree with the code: no Docker daemon here, so they are checked statically.</summary>
public sealed class DeployFilesTests
{
    private static readonly string[] Deployables = ["Ingest.Worker", "Triage.Worker", "Resolve.Worker", "Sla.Worker", "Admin.Api"];

    [Fact]
    public async Task Compose_file_builds_every_deployable_with_the_settings_the_workers_require()
    {
        var (exit, output) = await RunAsync("python3", Path.Combine(RepoPaths.Root, "deploy", "check-compose.py"));

        Assert.True(exit == 0, output);
        Assert.All(Deployables, d => Assert.Contains(d, output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("up.sh")]
    [InlineData("down.sh")]
    public async Task Local_scripts_are_valid_bash_and_cover_every_deployable(string script)
    {
        var path = Path.Combine(RepoPaths.Root, "deploy", "local", script);

        var (exit, output) = await RunAsync("bash", "-n", path);

        Assert.True(exit == 0, output);
        var text = await File.ReadAllTextAsync(path);
        Assert.All(Deployables, d => Assert.Contains(d, text, StringComparison.Ordinal));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output + await error);
    }
}
