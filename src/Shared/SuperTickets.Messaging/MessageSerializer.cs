using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SuperTickets.Messaging;

/// <summary>UTF-8 JSON payloads and the standard headers. Message types are registered explicitly.</summary>
public sealed class MessageSerializer
{
    public static readonly JsonSerializerOptions JsonOptions = CreateOptions();

    private readonly Dictionary<string, Type> _typesByName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _namesByType = [];

    public MessageSerializer(IEnumerable<MessageTypeRegistration> registrations, TimeProvider clock)
    {
        Clock = clock;
        foreach (var registration in registrations)
        {
            Register(registration.MessageType);
        }
    }

    public TimeProvider Clock { get; }

    public void Register<T>() => Register(typeof(T));

    public void Register(Type type)
    {
        _typesByName[type.Name] = type;
        _namesByType[type] = type.Name;
    }

    public string NameOf(Type type) =>
        _namesByType.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"Message type {type.Name} is not registered.");

    public MessageEnvelope CreateEnvelope<T>(string topic, string key, T message, MessageEnvelope? cause = null)
        where T : notnull
    {
        var id = Guid.CreateVersion7().ToString("N");
        var type = NameOf(typeof(T));
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MessageHeaders.MessageId] = id,
            [MessageHeaders.MessageType] = type,
            [MessageHeaders.CorrelationId] = cause?.CorrelationId ?? id,
            [MessageHeaders.ContentType] = "application/json",
            [MessageHeaders.TraceParent] = TraceParentFor(cause),
        };
        if (cause is not null)
        {
            headers[MessageHeaders.CausationId] = cause.MessageId;
        }
        var payload = JsonSerializer.SerializeToUtf8Bytes(message, JsonOptions);
        return new MessageEnvelope(id, topic, key, type, payload, headers, Clock.GetUtcNow());
    }

    /// <summary>Reads the payload as <typeparamref name="T"/>; unreadable payloads are poison.</summary>
    public T Deserialize<T>(MessageEnvelope envelope)
    {
        if (!string.Equals(envelope.MessageType, NameOf(typeof(T)), StringComparison.Ordinal))
        {
            throw new PoisonMessageException(
                $"Message {envelope.MessageId} has type '{envelope.MessageType}', expected '{NameOf(typeof(T))}'.");
        }
        try
        {
            return JsonSerializer.Deserialize<T>(envelope.Payload.Span, JsonOptions)
                ?? throw new PoisonMessageException($"Message {envelope.MessageId} has a null payload.");
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException($"Message {envelope.MessageId} is not valid {typeof(T).Name} JSON: {ex.Message}", ex);
        }
    }

    private static string TraceParentFor(MessageEnvelope? cause)
    {
        var traceId = Activity.Current?.TraceId.ToHexString();
        if (traceId is null && cause?.Header(MessageHeaders.TraceParent) is { Length: 55 } parent)
        {
            traceId = parent.Substring(3, 32);
        }
        traceId ??= ActivityTraceId.CreateRandom().ToHexString();
        return $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
