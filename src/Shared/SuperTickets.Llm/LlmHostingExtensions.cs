using System.Net;
using Amazon.Runtime;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SuperTickets.Llm.Bedrock;
using SuperTickets.Llm.OpenAiCompatible;
using SuperTickets.Llm.Privacy;
using SuperTickets.Llm.Refinement;
using SuperTickets.Llm.Resilience;

namespace SuperTickets.Llm;

public static class LlmHostingExtensions
{
    /// <summary>Name of the HTTP client every language model call goes through.</summary>
    public const string HttpClientName = "SuperTickets.Llm";

    /// <summary>
    /// Binds and validates section <c>Llm</c>. Unless <c>Llm:Provider</c> is None (the default), registers an
    /// <see cref="IChatClient"/> (provider client inside the resilience pipeline, behind PII redaction when configured)
    /// and a <see cref="TriageRefiner"/>. Without a provider neither is registered and nothing leaves the process.
    /// Stages that share the model call this each; the registration happens once.
    /// Bedrock signs with a registered <see cref="AWSCredentials"/> if there is one, else with the AWS credential chain.
    /// </summary>
    public static IHostApplicationBuilder AddLlm(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(IValidateOptions<LlmOptions>) && d.ImplementationType == typeof(LlmOptionsValidator)))
        {
            return builder;
        }
        builder.Services.AddOptions<LlmOptions>().BindConfiguration(LlmOptions.Section).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>());
        builder.Services.TryAddSingleton(TimeProvider.System);
        if (builder.Configuration.GetValue($"{LlmOptions.Section}:{nameof(LlmOptions.Provider)}", LlmProvider.None) == LlmProvider.None)
        {
            return builder;
        }
        builder.Services.AddHttpClient(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        builder.Services.TryAddSingleton(CreateChatClient);
        builder.Services.TryAddSingleton<TriageRefiner>();
        return builder;
    }

    private static IChatClient CreateChatClient(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        IChatClient client = options.Provider switch
        {
            LlmProvider.OpenAI => OpenAiCompatibleChatClient.Create(options, http),
            LlmProvider.Bedrock => BedrockConverseChatClient.Create(options, http, services.GetService<AWSCredentials>()),
            _ => throw new InvalidOperationException($"{LlmOptions.Section}:Provider {options.Provider} has no client."),
        };
        client = new ResilientChatClient(client, LlmResilience.CreatePipeline(options, services.GetRequiredService<TimeProvider>()));
        return options.RedactPii ? new PiiRedactingChatClient(client) : client;
    }
}
