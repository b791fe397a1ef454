using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>A real HTTP server on 127.0.0.1 that answers each request with the next scripted response and records the request.</summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeResponse> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private WebApplication? _app;
    private FakeResponse _otherwise = new(500, """{"message":"no scripted response"}""");
    private Func<ReceivedRequest, FakeResponse?>? _responder;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ReceivedRequest> Requests => _received.ToArray();

    public static async Task<FakeLlmServer> StartAsync()
    {
        var server = new FakeLlmServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public FakeLlmServer Then(FakeResponse response)
    {
        _script.Enqueue(response);
        return this;
    }

    /// <summary>The answer once the script has run out (a 500 unless set).</summary>
    public FakeLlmServer Otherwise(int status, string body, IReadOnlyDictionary<string, string>? headers = null)
    {
        _otherwise = new FakeResponse(status, body, headers);
        return this;
    }

    /// <summary>Answers the requests <paramref name="responder"/> returns a response for, before the script (e.g. by what is asked).</summary>
    public FakeLlmServer Respond(Func<ReceivedRequest, FakeResponse?> responder)
    {
        _responder = responder;
        return this;
    }

    public FakeLlmServer Then(int status, string body, IReadOnlyDictionary<string, string>? headers = null, TimeSpan delay = default) =>
        Then(new FakeResponse(status, body, headers, delay));

    private async Task AnswerAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var request = new ReceivedRequest(context.Request.Method, target, headers, body);
        _received.Enqueue(request);
        var response = _responder?.Invoke(request);
        if (response is null && !_script.TryDequeue(out response))
        {
            response = _otherwise;
        }
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
