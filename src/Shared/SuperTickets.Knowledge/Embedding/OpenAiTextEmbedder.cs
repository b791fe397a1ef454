using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SuperTickets.Knowledge.Embedding;

/// <summary>
/// Embeddings from an OpenAI-compatible <c>POST {endpoint}/embeddings</c> (OpenAI, Azure-style gateways, Ollama,
/// vLLM, LM Studio). Articles are sent in batches of <see cref="KnowledgeEmbeddingOptions.BatchSize"/> and their
/// vectors cached by a hash of their text, so rebuilding the index after an edit sends only what changed.
/// Vectors are L2-normalized on arrival. A query that cannot be embedded gets an all-zero vector (the search
/// goes on with text alone) and a warning; <see cref="EmbedMany"/> throws instead, so a build can fall back.
/// </summary>
public sealed partial class OpenAiTextEmbedder : IBatchTextEmbedder
{
    private const string OpenAiBase = "https://api.openai.com/v1";

    private readonly KnowledgeEmbeddingOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    /// <param name="options">Model, dimensions and endpoint; see <see cref="KnowledgeEmbeddingOptions"/>.</param>
    /// <param name="http">Sends the requests; its own timeout should be infinite (<see cref="KnowledgeEmbeddingOptions.Timeout"/> applies per request).</param>
    public OpenAiTextEmbedder(KnowledgeEmbeddingOptions options, HttpClient http, ILogger<OpenAiTextEmbedder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Model, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Dimensions, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options));
        _options = options;
        _http = http;
        _url = new Uri((string.IsNullOrWhiteSpace(options.Endpoint) ? OpenAiBase : options.Endpoint).TrimEnd('/') + "/embeddings");
        _logger = logger ?? NullLogger<OpenAiTextEmbedder>.Instance;
    }

    /// <inheritdoc />
    public int Dimensions => _options.Dimensions;

    /// <inheritdoc />
    public void Embed(string text, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckLength(destination, 1);
        if (_cache.TryGetValue(Key(text), out var cached))
        {
            cached.CopyTo(destination);
            return;
        }

        try
        {
            Request([text], destination);
        }
        catch (EmbeddingProviderException ex)
        {
            destination.Clear();
            LogQueryNotEmbedded(_logger, (int?)ex.Status, ex.Message);
        }
    }

    /// <inheritdoc />
    public void EmbedMany(IReadOnlyList<string> texts, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(texts);
        CheckLength(destination, texts.Count);
        var dims = Dimensions;
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (_cache.TryGetValue(Key(texts[i]), out var cached))
            {
                cached.CopyTo(destination.Slice(i * dims, dims));
            }
            else
            {
                missing.Add(i);
            }
        }

        foreach (var chunk in missing.Chunk(_options.BatchSize))
        {
            var vectors = new float[chunk.Length * dims];
            Request([.. chunk.Select(i => texts[i])], vectors);
            for (var j = 0; j < chunk.Length; j++)
            {
                var vector = vectors.AsSpan(j * dims, dims);
                vector.CopyTo(destination.Slice(chunk[j] * dims, dims));
                _cache[Key(texts[chunk[j]])] = vector.ToArray();
            }
        }
    }

    /// <summary>One request, retried after throttling, server errors and timeouts; writes the vectors in input order.</summary>
    private void Request(IReadOnlyList<string> texts, Span<float> destination)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new EmbeddingRequest(_options.Model!, texts, "float"));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var data = Send(body);
                Write(data, texts.Count, destination);
                return;
            }
            catch (EmbeddingProviderException ex) when (attempt < _options.MaxRetries && IsTransient(ex))
            {
                Thread.Sleep(TimeSpan.FromSeconds(1) * (1 << attempt));
            }
        }
    }

    private List<EmbeddingData> Send(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
        }

        using var timeout = new CancellationTokenSource(_options.Timeout);
        try
        {
            using var response = _http.Send(request, timeout.Token);
            using var stream = response.Content.ReadAsStream(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new EmbeddingProviderException(
                    $"The embeddings endpoint answered {(int)response.StatusCode}: {ErrorMessage(stream)}", response.StatusCode);
            }

            return JsonSerializer.Deserialize<EmbeddingResponse>(stream)?.Data
                ?? throw new EmbeddingProviderException("The embeddings endpoint answered without data.", response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            throw new EmbeddingProviderException("The embeddings endpoint could not be reached.", null, ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new EmbeddingProviderException($"The embeddings endpoint did not answer within {_options.Timeout}.", HttpStatusCode.RequestTimeout, ex);
        }
        catch (JsonException ex)
        {
            throw new EmbeddingProviderException("The embeddings endpoint answered with unreadable JSON.", HttpStatusCode.OK, ex);
        }
    }

    private void Write(List<EmbeddingData> data, int count, Span<float> destination)
    {
        var dims = Dimensions;
        var written = new bool[count];
        foreach (var item in data)
        {
            if (item.Index < 0 || item.Index >= count || written[item.Index] || item.Embedding is not { } embedding || embedding.Length != dims)
            {
                throw new EmbeddingProviderException(
                    $"The embeddings endpoint answered an embedding with index {item.Index} and {item.Embedding?.Length ?? 0} dimensions; expected indexes 0 to {count - 1} with {dims} dimensions.",
                    HttpStatusCode.OK);
            }

            var vector = destination.Slice(item.Index * dims, dims);
            embedding.CopyTo(vector);
            UnitLength.Normalize(vector);

            written[item.Index] = true;
        }

        if (Array.IndexOf(written, false) is var gap and >= 0)
        {
            throw new EmbeddingProviderException($"The embeddings endpoint answered no embedding for input {gap}.", HttpStatusCode.OK);
        }
    }

    private void CheckLength(Span<float> destination, int count)
    {
        if (destination.Length != count * Dimensions)
        {
            throw new ArgumentException($"Destination must have length {count * Dimensions}.", nameof(destination));
        }
    }

    private static bool IsTransient(EmbeddingProviderException ex) =>
        ex.Status is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError;

    private static string ErrorMessage(Stream body)
    {
        try
        {
            return JsonSerializer.Deserialize<ErrorResponse>(body)?.Error?.Message ?? "(no error message)";
        }
        catch (JsonException)
        {
            return "(no error message)";
        }
    }

    private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "A knowledge query could not be embedded (status {Status}): {Reason}; searching by text alone")]
    private static partial void LogQueryNotEmbedded(ILogger logger, int? status, string reason);

    private sealed record EmbeddingRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("input")] IReadOnlyList<string> Input,
        [property: JsonPropertyName("encoding_format")] string EncodingFormat);

    private sealed record EmbeddingResponse([property: JsonPropertyName("data")] List<EmbeddingData>? Data);

    private sealed record EmbeddingData(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("embedding")] float[]? Embedding);

    private sealed record ErrorResponse([property: JsonPropertyName("error")] ErrorBody? Error);

    private sealed record ErrorBody([property: JsonPropertyName("message")] string? Message);
}
