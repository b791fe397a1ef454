using System.Text.Json;
using Dapper;
using SuperTickets.Messaging;

namespace SuperTickets.Data;

/// <summary>Inbox, outbox and the handler's own writes in one database transaction.</summary>
public sealed class DbMessageUnitOfWork(DbSession session, TimeProvider clock) : IMessageUnitOfWork
{
    private readonly List<MessageEnvelope> _enqueued = [];
    private readonly Dictionary<string, int> _marks = new(StringComparer.Ordinal);

    private System.Data.Common.DbTransaction Tx => session.Transaction ?? throw new InvalidOperationException("The unit of work has not begun.");

    public Task BeginAsync(CancellationToken ct) => session.BeginAsync(ct);

    public async Task<bool> TryMarkProcessedAsync(string consumer, string messageId, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO processed_messages (consumer, message_id, processed_at)
            VALUES (@consumer, @messageId, @now)
            ON CONFLICT (consumer, message_id) DO NOTHING
            """;
        var rows = await session.Connection.ExecuteAsync(new CommandDefinition(
            sql, new { consumer, messageId, now = clock.GetUtcNow() }, session.Transaction, cancellationToken: ct));
        return rows == 1;
    }

    public async Task EnqueueAsync(MessageEnvelope envelope, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO outbox (message_id, topic, msg_key, message_type, headers_json, payload, created_at)
            VALUES (@MessageId, @Topic, @Key, @MessageType, @HeadersJson, @Payload, @CreatedAt)
            RETURNING id
            """;
        var id = await session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            envelope.MessageId,
            envelope.Topic,
            envelope.Key,
            envelope.MessageType,
            HeadersJson = JsonSerializer.Serialize(envelope.Headers),
            Payload = envelope.Payload.ToArray(),
            envelope.CreatedAt,
        }, session.Transaction, cancellationToken: ct));
        _enqueued.Add(envelope with { OutboxId = id });
    }

    public async Task SavepointAsync(string name, CancellationToken ct)
    {
        await Tx.SaveAsync(name, ct);
        _marks[name] = _enqueued.Count;
    }

    public async Task RollbackToSavepointAsync(string name, CancellationToken ct)
    {
        await Tx.RollbackAsync(name, ct);
        if (_marks.TryGetValue(name, out var mark))
        {
            _enqueued.RemoveRange(mark, _enqueued.Count - mark);
        }
    }

    public Task ReleaseSavepointAsync(string name, CancellationToken ct) => Tx.ReleaseAsync(name, ct);

    public async Task<IReadOnlyList<MessageEnvelope>> CommitAsync(CancellationToken ct)
    {
        await session.CommitAsync(ct);
        var committed = _enqueued.ToList();
        _enqueued.Clear();
        return committed;
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();
}
