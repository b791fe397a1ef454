using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Hosting;
using SuperTickets.Pipeline.Ingest;
using SuperTickets.Pipeline.Resolve;
using SuperTickets.Pipeline.Respond;
using SuperTickets.Pipeline.Triage;
using SuperTickets.Testing;

namespace SuperTickets.Pipeline.Tests;

public sealed class HostStartFailureTests
{
    [Fact]
    public async Task A_host_that_fails_to_start_reports_why_and_runs_no_consumer()
    {
        var root = Path.Combine(Path.GetTempPath(), "supertickets-startfail-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var logs = new ListLoggerProvider();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var settings = ResolveHarness.Settings(root);
        settings["Database:MigrateOnStart"] = "true";
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.AddPipelineCore();
        builder.AddSeeding();
        builder.Services.AddInProcessTransport();
        builder.AddIngestStage();
        builder.AddTriageStage();
        builder.AddResolveStage();
        builder.AddRespondStage();
        builder.Services.AddHostedService(_ => new FailingStart(logs));
        var exitCode = Environment.ExitCode;
        try
        {
            using (var host = builder.Build())
            {
                var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());
                Assert.Equal(FailingStart.Reason, failure.Message);
            }

            Assert.Equal(exitCode, Environment.ExitCode);
            var lines = logs.Lines;
            Assert.False(lines.Any(l => l.Contains("subscribed to", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)),
                string.Join(Environment.NewLine, lines));
        }
        finally
        {
            Environment.ExitCode = exitCode;
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>
    /// The last service to start, failing after the consumers had every chance to start (it fails at once if one did,
    /// else after a second), as a start-up check that finds a bad setting does.
    /// </summary>
    private sealed class FailingStart(ListLoggerProvider logs) : IHostedService
    {
        public const string Reason = "start-up check failed";

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            for (var i = 0; i < 20 && !logs.Lines.Any(l => l.Contains("subscribed to", StringComparison.Ordinal)); i++)
            {
                await Task.Delay(50, cancellationToken);
            }
            throw new InvalidOperationException(Reason);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
