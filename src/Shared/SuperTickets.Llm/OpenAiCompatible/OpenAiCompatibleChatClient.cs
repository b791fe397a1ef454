using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using AiResponseFormat = Microsoft.Extensions.AI.ChatResponseFormat;
using SdkFinishReason = OpenAI.Chat.ChatFinishReason;
using SdkMessage = OpenAI.Chat.ChatMessage;
using SdkResponseFormat = OpenAI.Chat.ChatResponseFormat;

namespace SuperTickets.Llm.OpenAiCompatible;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK's chat completions client, for any OpenAI-compatible endpoint.
/// Text messages only; the SDK's own retries are off (the caller's resilience pipeline decides). Failures surface as
/// <see cref="LlmRequestException"/> or <see cref="TimeoutException"/>.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private const string ProviderName = "openai";
    private readonly ChatClient _client;
    private readonly ChatClientMetadata _metadata;

    /// <param name="client">The SDK client, bound to <paramref name="model"/>.</param>
    /// <param name="model">The model the SDK client is bound to (reported as the default model id).</param>
    /// <param name="endpoint">The API base URL, null for OpenAI itself.</param>
    public OpenAiCompatibleChatClient(ChatClient client, string model, Uri? endpoint)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        _client = client;
        _metadata = new ChatClientMetadata(ProviderName, endpoint, model);
    }

    /// <summary>A client for <paramref name="options"/>' model and endpoint that sends through <paramref name="http"/>.</summary>
    public static OpenAiCompatibleChatClient Create(LlmOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        var settings = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(1),
        };
        var endpoint = options.Endpoint is { Length: > 0 } configured ? new Uri(configured) : null;
        if (endpoint is not null)
        {
            settings.Endpoint = endpoint;
        }
        var key = new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "not-needed" : options.ApiKey);
        var model = options.Model ?? throw new ArgumentException("A model is required.", nameof(options));
        return new OpenAiCompatibleChatClient(new ChatClient(model, key, settings), model, endpoint);
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = ToSdkMessages(messages, options);
        var settings = ToSdkOptions(options);
        ChatCompletion completion;
        try
        {
            completion = (await _client.CompleteChatAsync(request, settings, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (ClientResultException ex)
        {
            throw Translate(ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("The OpenAI-compatible endpoint did not answer in time.", ex);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            throw new LlmRequestException("The OpenAI-compatible endpoint answered with an unreadable chat completion.", HttpStatusCode.OK, "invalid_response", inner: ex);
        }
        return ToResponse(completion);
    }

    /// <summary>Streams the complete answer as one update (the answers asked for here are short).</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null) return null;
        if (serviceType == typeof(ChatClientMetadata)) return _metadata;
        if (serviceType == typeof(ChatClient)) return _client;
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }

    private static List<SdkMessage> ToSdkMessages(IEnumerable<AiChatMessage> messages, ChatOptions? options)
    {
        var result = new List<SdkMessage>();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            result.Add(new SystemChatMessage(instructions));
        }
        foreach (var message in messages)
        {
            var text = message.Text;
            if (message.Role == ChatRole.System) result.Add(new SystemChatMessage(text));
            else if (message.Role == ChatRole.User) result.Add(new UserChatMessage(text));
            else if (message.Role == ChatRole.Assistant) result.Add(new AssistantChatMessage(text));
            else throw new NotSupportedException($"Messages with role '{message.Role}' are not supported.");
        }
        return result;
    }

    private static ChatCompletionOptions ToSdkOptions(ChatOptions? options)
    {
        var settings = new ChatCompletionOptions();
        if (options is null) return settings;
        settings.Temperature = options.Temperature;
        settings.TopP = options.TopP;
        settings.MaxOutputTokenCount = options.MaxOutputTokens;
        foreach (var stop in options.StopSequences ?? [])
        {
            settings.StopSequences.Add(stop);
        }
        settings.ResponseFormat = options.ResponseFormat switch
        {
            ChatResponseFormatJson { Schema: { } schema } json => SdkResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "answer", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription, jsonSchemaIsStrict: true),
            ChatResponseFormatJson => SdkResponseFormat.CreateJsonObjectFormat(),
            ChatResponseFormatText => SdkResponseFormat.CreateTextFormat(),
            _ => null,
        };
        return settings;
    }

    private static ChatResponse ToResponse(ChatCompletion completion)
    {
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        return new ChatResponse(new AiChatMessage(ChatRole.Assistant, text))
        {
            ResponseId = completion.Id,
            ModelId = completion.Model,
            CreatedAt = completion.CreatedAt,
            FinishReason = completion.Refusal is { Length: > 0 } ? AiFinishReason.ContentFilter : ToFinishReason(completion.FinishReason),
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
            RawRepresentation = completion,
        };
    }

    private static AiFinishReason ToFinishReason(SdkFinishReason reason) => reason switch
    {
        SdkFinishReason.Length => AiFinishReason.Length,
        SdkFinishReason.ContentFilter => AiFinishReason.ContentFilter,
        SdkFinishReason.ToolCalls or SdkFinishReason.FunctionCall => AiFinishReason.ToolCalls,
        _ => AiFinishReason.Stop,
    };

    private static LlmRequestException Translate(ClientResultException ex)
    {
        var response = ex.GetRawResponse();
        if (ex.Status == 0 || response is null)
        {
            return new LlmRequestException("The OpenAI-compatible endpoint could not be reached.", null, "connection_failed", inner: ex);
        }
        var status = (HttpStatusCode)ex.Status;
        return new LlmRequestException(
            $"The OpenAI-compatible endpoint answered {ex.Status}.", status, ErrorCode(response), RetryAfter(response), ex);
    }

    private static string? ErrorCode(PipelineResponse response)
    {
        try
        {
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (ReadOnlySpan<string>)["code", "type"])
                {
                    if (error.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static TimeSpan? RetryAfter(PipelineResponse response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
        {
            return TimeSpan.FromMilliseconds(millis);
        }
        if (response.Headers.TryGetValue("retry-after", out var after)
            && double.TryParse(after, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }
        return null;
    }
}
