using Microsoft.Data.Sqlite;
using SuperTickets.Cli.Commands;
using SuperTickets.Cli.Embedded;
using SuperTickets.Testing;

namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>The one-command embedded run over samples/ into a fresh data folder, with the language model at a fake OpenAI server.</summary>
public sealed class EmbeddedLlmRun : IAsyncDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "supertickets-llm-" + Guid.NewGuid().ToString("N")[..8]);

    private EmbeddedLlmRun(FakeLlmServer server) => Server = server;

    public FakeLlmServer Server { get; }

    public static async Task<EmbeddedLlmRun> StartAsync() => new(await FakeLlmServer.StartAsync());

    /// <summary>Processes every sample once; <paramref name="settings"/> add to or override the language model settings.</summary>
    public Task<int> RunOnceAsync(params (string Key, string? Value)[] settings)
    {
        var overrides = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAI",
            ["Llm:Model"] = "gpt-4o-mini",
            ["Llm:Endpoint"] = new Uri(Server.BaseAddress, "v1/").ToString(),
            ["Llm:ApiKey"] = "sk-embedded-test",
            ["Llm:InputCostPer1kTokens"] = "0.024",
            ["Llm:OutputCostPer1kTokens"] = "0.14",
            ["Llm:RetryBaseDelay"] = "00:00:00.010",
            ["Llm:MaxRetries"] = "1",
        };
        foreach (var (key, value) in settings)
        {
            overrides[key] = value;
        }
        return RunCommand.RunAsync(
            new EmbeddedRunSettings(_data, RepoPaths.Samples, "http://127.0.0.1:0", []) { Overrides = overrides },
            once: true, TimeSpan.FromMinutes(2), TextWriter.Null, TextWriter.Null, CancellationToken.None);
    }

    public SqliteConnection Open() => new($"Data Source={Path.Combine(_data, "supertickets.db")}");

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data)) Directory.Delete(_data, recursive: true);
    }
}
