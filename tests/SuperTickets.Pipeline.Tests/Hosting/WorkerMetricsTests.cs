using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SuperTickets.Messaging;
using SuperTickets.Pipeline.Hosting;

namespace SuperTickets.Pipeline.Tests.Hosting;

public sealed class WorkerMetricsTests
{
    [Fact]
    public async Task A_worker_serves_its_consumer_totals_and_process_figures_without_credentials()
    {
        await using var app = await StartAsync(services => services.AddSingleton<MessagingMetrics>().AddMetrics());
        var metrics = app.Services.GetRequiredService<MessagingMetrics>();
        metrics.Committed("triage", handled: 30, duplicates: 2, TimeSpan.FromMilliseconds(250));
        metrics.Committed("triage", handled: 10, duplicates: 0, TimeSpan.FromMilliseconds(750));
        metrics.Failed("resolve", TimeSpan.FromSeconds(2));

        using var http = new HttpClient();
        using var response = await http.GetAsync(Address(app) + "/metrics");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var samples = Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(40, samples["supertickets_messages_handled_total{consumer=\"triage\"}"]);
        Assert.Equal(0, samples["supertickets_messages_handled_total{consumer=\"resolve\"}"]);
        Assert.Equal(2, samples["supertickets_messages_duplicates_total{consumer=\"triage\"}"]);
        Assert.Equal(1, samples["supertickets_batches_failed_total{consumer=\"resolve\"}"]);
        Assert.Equal(2, samples["supertickets_batch_duration_seconds_count{consumer=\"triage\"}"]);
        Assert.Equal(1.0, samples["supertickets_batch_duration_seconds_sum{consumer=\"triage\"}"], 6);
        Assert.InRange(samples["process_cpu_seconds_total"], 0.001, 1e6);
        Assert.InRange(samples["process_resident_memory_bytes"], 1 << 20, 1L << 40);
        var started = DateTimeOffset.FromUnixTimeSeconds((long)samples["process_start_time_seconds"]);
        Assert.InRange(started, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task A_worker_without_consumers_serves_the_process_figures_alone()
    {
        await using var app = await StartAsync(_ => { });
        using var http = new HttpClient();
        var samples = Parse(await http.GetStringAsync(Address(app) + "/metrics"));

        Assert.DoesNotContain(samples.Keys, k => k.StartsWith("supertickets_", StringComparison.Ordinal));
        Assert.Equal(["process_cpu_seconds_total", "process_resident_memory_bytes", "process_start_time_seconds"], samples.Keys.Order());
    }

    private static async Task<WebApplication> StartAsync(Action<IServiceCollection> services)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        app.MapWorkerMetrics();
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();

    /// <summary>Sample lines by series (name and labels as written); comment lines skipped.</summary>
    private static Dictionary<string, double> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
}
