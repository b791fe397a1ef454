using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SuperTickets.Knowledge.Tests;

/// <summary>
/// A local HTTP server speaking the documented OpenAI embeddings wire format: <c>POST /v1/embeddings</c> with
/// <c>{"model", "input": [...]}</c> answers <c>{"object": "list", "data": [{"object": "embedding", "index", "embedding"}],
/// "model", "usage"}</c>. Vectors come from a <see cref="HashedTextEmbedder"/>, scaled by 3 so the client has to
/// normalize them, and listed in reverse order so it has to honour <c>index</c>. Records every request.
/// </summary>
internal sealed class FakeEmbeddingsServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HashedTextEmbedder _model = new(Dimensions);
    private readonly Task _loop;

    public FakeEmbeddingsServer()
    {
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}/v1";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public const int Dimensions = 64;

    public string Endpoint { get; }

    /// <summary>Status to answer with instead of embeddings (for example 500); null: answer normally.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>Every request: its Authorization header, model and inputs.</summary>
    public ConcurrentQueue<(string? Authorization, string Model, string[] Inputs)> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = JsonNode.Parse(await reader.ReadToEndAsync())!;
        var inputs = request["input"]!.AsArray().Select(n => n!.GetValue<string>()).ToArray();
        var model = request["model"]!.GetValue<string>();
        Requests.Enqueue((context.Request.Headers["Authorization"], model, inputs));
        var (status, body) = FailWith is { } failure
            ? (failure, new JsonObject { ["error"] = new JsonObject { ["message"] = "The model is overloaded.", ["type"] = "server_error" } })
            : (HttpStatusCode.OK, Embeddings(model, inputs));
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private JsonObject Embeddings(string model, string[] inputs)
    {
        var data = new JsonArray();
        for (var i = inputs.Length - 1; i >= 0; i--)
        {
            var vector = new float[Dimensions];
            _model.Embed(inputs[i], vector);
            data.Add(new JsonObject
            {
                ["object"] = "embedding",
                ["index"] = i,
                ["embedding"] = new JsonArray([.. vector.Select(x => (JsonNode)JsonValue.Create(x * 3f))]),
            });
        }

        var tokens = inputs.Sum(t => t.Split(' ').Length);
        return new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = tokens, ["total_tokens"] = tokens },
        };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
