using System.Text.Json;
using SuperTickets.Messaging;

namespace SuperTickets.Data;

/// <summary>
/// Inbox, outbox and the handler's own writes in one database transaction. Inbox marks and outbox rows are
/// written as multi-row statements (one per batch, not one per message).
/// </summary>
public sealed class DbMessageUnitOfWork(DbSession session, TimeProvider clock) : IMessageUnitOfWork
{
    private readonly List<MessageEnvelope> _enqueued = [];

    public Task BeginAsync(CancellationToken ct) => session.BeginAsync(ct);

    public async Task<IReadOnlySet<string>> MarkProcessedAsync(string consumer, IReadOnlyList<string> messageIds, CancellationToken ct)
    {
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var distinct = messageIds.Distinct(StringComparer.Ordinal).ToList();
        await MultiRowInsert.QueryAsync(session, "INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES",
            distinct.Count, 3, "ON CONFLICT (consumer, message_id) DO NOTHING RETURNING message_id",
            (row, column) => column switch { 0 => consumer, 1 => distinct[row], _ => now },
            reader => fresh.Add(reader.GetString(0)), ct);
        return fresh;
    }

    public Task EnqueueAsync(MessageEnvelope envelope, CancellationToken ct)
    {
        _enqueued.Add(envelope);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<MessageEnvelope>> CommitAsync(CancellationToken ct)
    {
        var written = await WriteOutboxAsync(_enqueued, ct);
        await session.CommitAsync(ct);
        _enqueued.Clear();
        return written;
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    private async Task<List<MessageEnvelope>> WriteOutboxAsync(List<MessageEnvelope> envelopes, CancellationToken ct)
    {
        var ids = new Dictionary<string, long>(envelopes.Count, StringComparer.Ordinal);
        await MultiRowInsert.QueryAsync(session,
            "INSERT INTO outbox (message_id, topic, msg_key, message_type, headers_json, payload, created_at) VALUES",
            envelopes.Count, 7, "RETURNING id, message_id", (row, column) =>
            {
                var envelope = envelopes[row];
                return column switch
                {
                    0 => envelope.MessageId,
                    1 => envelope.Topic,
                    2 => envelope.Key,
                    3 => envelope.MessageType,
                    4 => JsonSerializer.Serialize(envelope.Headers),
                    5 => envelope.Payload,
                    _ => envelope.CreatedAt,
                };
            },
            reader => ids[reader.GetString(1)] = reader.GetInt64(0), ct);
        return envelopes.ConvertAll(e => e with { OutboxId = ids[e.MessageId] });
    }
}
