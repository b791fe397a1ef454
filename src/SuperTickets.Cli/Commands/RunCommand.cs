using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperTickets.Cli.Embedded;
using SuperTickets.Data;
using SuperTickets.Pipeline.Hosting;

namespace SuperTickets.Cli.Commands;

/// <summary><c>supertickets run [--once]</c>: the whole pipeline in one process on the embedded defaults.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Process the samples and anything in the inbox, print a summary and exit." };
        var data = new Option<string>("--data") { Description = "Data folder (database, inbox, outbox).", DefaultValueFactory = _ => "data" };
        var samples = new Option<string>("--samples") { Description = "Samples folder (inbox, kb, agents, SLA policies).", DefaultValueFactory = _ => "samples" };
        var urls = new Option<string>("--urls") { Description = "Admin API address.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "With --once: longest wait for the pipeline to drain.", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
        var command = new Command("run", "Run every stage and the admin API in one process (SQLite, drop folders, in-process transport).")
        {
            once, data, samples, urls, timeout,
        };
        command.SetAction((parse, ct) => RunAsync(
            new EmbeddedRunSettings(parse.GetValue(data)!, parse.GetValue(samples)!, parse.GetValue(once) ? "http://127.0.0.1:0" : parse.GetValue(urls)!, []),
            parse.GetValue(once), parse.GetValue(timeout), Console.Out, Console.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(EmbeddedRunSettings settings, bool once, TimeSpan timeout, TextWriter output, TextWriter error, CancellationToken ct)
    {
        WebApplication app;
        try
        {
            app = EmbeddedHost.Build(settings);
            await app.StartAsync(ct);
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine($"Configuration error: {string.Join(" ", ex.Failures)}");
            return 2;
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException or InvalidDataException or FormatException or System.Text.Json.JsonException)
        {
            error.WriteLine($"Start-up failed: {ex.Message}");
            return 2;
        }

        await using (app)
        {
            if (!once)
            {
                output.WriteLine($"SuperTickets is running. Drop .eml files into {Path.GetFullPath(Path.Combine(settings.DataDirectory, "inbox"))}; admin API on {settings.Urls}. Ctrl+C stops.");
                await app.WaitForShutdownAsync(ct);
                return Environment.ExitCode;
            }
            var started = DateTimeOffset.UtcNow;
            try
            {
                await app.Services.GetRequiredService<PipelineIdleProbe>().WaitForIdleAsync(timeout, ct);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                error.WriteLine($"The pipeline did not drain within {timeout}.");
                await app.StopAsync(CancellationToken.None);
                return 1;
            }
            var summary = await app.Services.GetRequiredService<SummaryQueries>().GetAsync(ct);
            await app.StopAsync(CancellationToken.None);
            RunSummaryPrinter.Print(output, summary, app.Services.GetRequiredService<Pipeline.Ingest.IngestProgress>(), DateTimeOffset.UtcNow - started, settings);
            return Environment.ExitCode;
        }
    }
}
