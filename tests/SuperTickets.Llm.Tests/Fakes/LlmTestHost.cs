using Amazon.Runtime;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SuperTickets.Llm.Answers;
using SuperTickets.Llm.Refinement;
using SuperTickets.Testing;

namespace SuperTickets.Llm.Tests.Fakes;

/// <summary>A host built the way the workers build theirs: configuration, then <c>AddLlmAnswers</c> (which adds <c>AddLlm</c>).</summary>
public sealed class LlmTestHost : IAsyncDisposable
{
    private LlmTestHost(IHost host, ListLoggerProvider logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public ListLoggerProvider Logs { get; }

    public IChatClient ChatClient => Host.Services.GetRequiredService<IChatClient>();

    public TriageRefiner Refiner => Host.Services.GetRequiredService<TriageRefiner>();

    public IAnswerDrafter Drafter => Host.Services.GetRequiredService<IAnswerDrafter>();

    /// <summary>Fast test defaults (short delays, small circuit), overridden by <paramref name="settings"/>.</summary>
    public static LlmTestHost Build(IDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Timeout"] = "00:00:05",
            ["Llm:MaxRetries"] = "2",
            ["Llm:RetryBaseDelay"] = "00:00:00.010",
            ["Llm:CircuitBreaker:MinimumThroughput"] = "100",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        var logs = new ListLoggerProvider();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.AddLlmAnswers();
        services?.Invoke(builder.Services);
        return new LlmTestHost(builder.Build(), logs);
    }

    public static Dictionary<string, string?> OpenAi(FakeLlmServer server, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "OpenAI",
            ["Llm:Model"] = "gpt-4o-mini",
            ["Llm:Endpoint"] = new Uri(server.BaseAddress, "v1/").ToString(),
            ["Llm:ApiKey"] = "sk-test-secret-key",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    public static Dictionary<string, string?> Bedrock(FakeLlmServer server, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "Bedrock",
            ["Llm:Model"] = BedrockWire.Model,
            ["Llm:Region"] = "eu-central-1",
            ["Llm:Endpoint"] = server.BaseAddress.ToString(),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>Registers fixed AWS credentials so the credential chain is never consulted.</summary>
    public static void TestCredentials(IServiceCollection services) =>
        services.AddSingleton<AWSCredentials>(new SessionAWSCredentials(BedrockWire.AccessKey, BedrockWire.SecretKey, BedrockWire.SessionToken));

    public async ValueTask DisposeAsync()
    {
        if (Host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            Host.Dispose();
        }
    }
}
