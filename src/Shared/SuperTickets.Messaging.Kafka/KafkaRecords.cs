using System.Globalization;
using System.Text;
using Confluent.Kafka;

namespace SuperTickets.Messaging.Kafka;

/// <summary>Converts between envelopes and Kafka records: key, UTF-8 JSON value, one header per envelope header.</summary>
internal static class KafkaRecords
{
    public static Message<string, byte[]> ToMessage(MessageEnvelope envelope, IEnumerable<KeyValuePair<string, string>>? extraHeaders = null)
    {
        var headers = new Headers();
        foreach (var (name, value) in envelope.Headers)
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }
        foreach (var (name, value) in extraHeaders ?? [])
        {
            headers.Add(name, Encoding.UTF8.GetBytes(value));
        }
        return new Message<string, byte[]>
        {
            Key = envelope.Key,
            Value = envelope.Payload.ToArray(),
            Headers = headers,
            Timestamp = new Timestamp(envelope.CreatedAt),
        };
    }

    /// <summary>All headers of the record (the last value wins for repeated names).</summary>
    public static Dictionary<string, string> ReadHeaders(Headers? headers)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers ?? [])
        {
            result[header.Key] = Encoding.UTF8.GetString(header.GetValueBytes() ?? []);
        }
        return result;
    }

    /// <summary>
    /// The envelope carried by the record, without transport bookkeeping headers. Records from retry topics
    /// keep their original topic, so handlers and dead letters see where the message belongs.
    /// </summary>
    public static MessageEnvelope ToEnvelope(ConsumeResult<string, byte[]> record, IReadOnlyDictionary<string, string> allHeaders)
    {
        var headers = allHeaders
            .Where(h => !KafkaHeaders.IsTransportHeader(h.Key))
            .ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        var topic = allHeaders.GetValueOrDefault(KafkaHeaders.RetryOriginalTopic) ?? record.Topic;
        var messageId = headers.GetValueOrDefault(MessageHeaders.MessageId)
            ?? string.Create(CultureInfo.InvariantCulture, $"{record.Topic}-{record.Partition.Value}-{record.Offset.Value}");
        return new MessageEnvelope(
            messageId,
            topic,
            record.Message.Key ?? "",
            headers.GetValueOrDefault(MessageHeaders.MessageType) ?? "",
            record.Message.Value ?? [],
            headers,
            record.Message.Timestamp.Type == TimestampType.NotAvailable ? DateTimeOffset.UnixEpoch : record.Message.Timestamp.UtcDateTime);
    }

    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseInstant(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind | DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;

    public static int? ParseInt(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static long? ParseLong(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
