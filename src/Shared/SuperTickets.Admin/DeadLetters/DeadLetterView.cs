using System.Text.Json;
using SuperTickets.Admin.Http;
using SuperTickets.Data.Admin;

namespace SuperTickets.Admin.DeadLetters;

/// <summary>A dead letter with its headers and payload as JSON (payloads that are not JSON come as base64 text).</summary>
public sealed record DeadLetterView(
    long Id, string MessageId, string Topic, string Key, string MessageType, string ConsumerGroup, string ExceptionType, string ExceptionMessage,
    int Attempts, string? OriginalPartition, string? OriginalOffset, DateTimeOffset FirstFailedAt, DateTimeOffset FailedAt, DateTimeOffset? ReplayedAt,
    JsonElement? Headers, JsonElement? Payload)
{
    public static DeadLetterView From(DeadLetterDetail d) => new(
        d.Id, d.MessageId, d.Topic, d.MsgKey, d.MessageType, d.ConsumerGroup, d.ExceptionType, d.ExceptionMessage, d.Attempts,
        d.OriginalPartition, d.OriginalOffset, d.FirstFailedAt, d.FailedAt, d.ReplayedAt, JsonText.Parse(d.HeadersJson), ReadPayload(d.Payload));

    private static JsonElement ReadPayload(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(Convert.ToBase64String(payload));
        }
    }
}
