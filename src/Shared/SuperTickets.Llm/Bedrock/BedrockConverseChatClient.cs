using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.AI;

namespace SuperTickets.Llm.Bedrock;

/// <summary>
/// <see cref="IChatClient"/> over Amazon Bedrock's Converse API: <c>POST /model/{modelId}/converse</c>, signed with SigV4
/// (service <c>bedrock</c>). Credentials come from the AWS credential chain (environment, profile, instance role) unless
/// given. Text messages only. Failures surface as <see cref="LlmRequestException"/> or <see cref="TimeoutException"/>.
/// </summary>
public sealed class BedrockConverseChatClient : IChatClient
{
    private const string ProviderName = "bedrock";
    private const string SigningService = "bedrock";
    private readonly HttpClient _http;
    private readonly string _modelId;
    private readonly RegionEndpoint _region;
    private readonly Uri _converseUri;
    private readonly ChatClientMetadata _metadata;
    private readonly SemaphoreSlim _credentialsLock = new(1, 1);
    private AWSCredentials? _credentials;

    /// <param name="http">Sends the requests; not disposed by this client.</param>
    /// <param name="modelId">Model or inference profile id, e.g. <c>anthropic.claude-3-haiku-20240307-v1:0</c>.</param>
    /// <param name="region">AWS region used for the default endpoint and the signature.</param>
    /// <param name="endpoint">Overrides <c>https://bedrock-runtime.{region}.amazonaws.com</c>.</param>
    /// <param name="credentials">Fixed credentials; null resolves them from the AWS credential chain on first use.</param>
    public BedrockConverseChatClient(HttpClient http, string modelId, string region, Uri? endpoint = null, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        _http = http;
        _modelId = modelId;
        _region = RegionEndpoint.GetBySystemName(region);
        _credentials = credentials;
        var root = endpoint ?? new Uri($"https://bedrock-runtime.{region}.amazonaws.com/");
        var baseUri = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        _converseUri = new Uri(baseUri, $"model/{Uri.EscapeDataString(modelId)}/converse");
        _metadata = new ChatClientMetadata(ProviderName, baseUri, modelId);
    }

    public static BedrockConverseChatClient Create(LlmOptions options, HttpClient http, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint is { Length: > 0 } configured ? new Uri(configured) : null;
        return new BedrockConverseChatClient(
            http,
            options.Model ?? throw new ArgumentException("A model is required.", nameof(options)),
            options.Region ?? throw new ArgumentException("A region is required.", nameof(options)),
            endpoint,
            credentials);
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var body = JsonSerializer.SerializeToUtf8Bytes(ConverseMapping.ToRequest(messages, options), ConverseWire.Json);
        using var request = await SignedRequestAsync(body, cancellationToken).ConfigureAwait(false);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Error(response, content);
            }
            return ConverseMapping.ToResponse(Parse(content), response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null, _modelId);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("Bedrock did not answer in time.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new LlmRequestException("Bedrock could not be reached.", null, "connection_failed", inner: ex);
        }
    }

    /// <summary>Streams the complete answer as one update (the answers asked for here are short).</summary>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose() => _credentialsLock.Dispose();

    private async Task<HttpRequestMessage> SignedRequestAsync(byte[] body, CancellationToken ct)
    {
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = _converseUri, Content = body };
        signing.Headers["Content-Type"] = "application/json";
        var parameters = new AWSSigV4Parameters
        {
            Credentials = await CredentialsAsync(ct).ConfigureAwait(false),
            Region = _region,
            Service = SigningService,
            SignPayload = true,
        };
        AWSSigningResult signed;
        try
        {
            signed = await AWSSigV4Signer.SignAsync(signing, parameters, ct).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw new LlmRequestException("The AWS credentials could not sign the Bedrock request.", HttpStatusCode.Unauthorized, "credentials_unavailable", inner: ex);
        }
        var request = new HttpRequestMessage(HttpMethod.Post, _converseUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private async Task<AWSCredentials> CredentialsAsync(CancellationToken ct)
    {
        if (_credentials is { } known) return known;
        await _credentialsLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_credentials is null)
            {
                using var chain = new DefaultAWSCredentialsIdentityResolver();
                _credentials = await chain.ResolveIdentityAsync(null, ct).ConfigureAwait(false);
            }
            return _credentials;
        }
        catch (AmazonClientException ex)
        {
            throw new LlmRequestException(
                "No AWS credentials were found (environment, profile or instance role).", HttpStatusCode.Unauthorized, "credentials_unavailable", inner: ex);
        }
        finally
        {
            _credentialsLock.Release();
        }
    }

    private static ConverseResponse Parse(byte[] content)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<ConverseResponse>(content, ConverseWire.Json);
            if (parsed?.Output?.Message is not null) return parsed;
        }
        catch (JsonException ex)
        {
            throw new LlmRequestException("Bedrock answered with an unreadable Converse response.", HttpStatusCode.OK, "invalid_response", inner: ex);
        }
        throw new LlmRequestException("Bedrock answered without an output message.", HttpStatusCode.OK, "invalid_response");
    }

    private static LlmRequestException Error(HttpResponseMessage response, byte[] content)
    {
        ConverseError? error = null;
        try
        {
            error = JsonSerializer.Deserialize<ConverseError>(content, ConverseWire.Json);
        }
        catch (JsonException)
        {
            error = null;
        }
        var type = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : error?.Type;
        type = type?.Split(':')[0].Split('#')[^1];
        var retryAfter = response.Headers.RetryAfter?.Delta
            ?? (response.Headers.TryGetValues("Retry-After", out var after)
                && double.TryParse(after.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds) : null);
        var detail = error?.Message is { Length: > 0 } message ? $": {message}" : "";
        return new LlmRequestException(
            $"Bedrock answered {(int)response.StatusCode} {type}{detail}", response.StatusCode, type, retryAfter);
    }
}
