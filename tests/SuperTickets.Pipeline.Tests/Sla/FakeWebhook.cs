using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Pipeline.Tests.Sla;

/// <summary>An incoming-webhook endpoint on 127.0.0.1 (free port) that records bodies and answers scripted statuses.</summary>
public sealed class FakeWebhook : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses = new();

    private FakeWebhook(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Bodies { get; } = new();

    public Uri Url { get; private set; } = null!;

    public static async Task<FakeWebhook> StartAsync(params int[] statuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeWebhook(app);
        foreach (var status in statuses)
        {
            fake._statuses.Enqueue(status);
        }
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            fake.Bodies.Enqueue(await reader.ReadToEndAsync());
            context.Response.StatusCode = fake._statuses.TryDequeue(out var status) ? status : 200;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Url = new Uri(new Uri(address), "/hook");
        return fake;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
