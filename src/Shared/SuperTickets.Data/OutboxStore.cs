using System.Text.Json;
using Dapper;
using SuperTickets.Messaging;

namespace SuperTickets.Data;

public sealed class OutboxStore(DbConnectionFactory factory, TimeProvider clock) : IOutboxStore
{
    public async Task<IReadOnlyList<MessageEnvelope>> ClaimPendingAsync(int max, TimeSpan minAge, TimeSpan lease, CancellationToken ct)
    {
        const string postgres = """
            UPDATE outbox SET locked_until = @lockedUntil
            WHERE id IN (
                SELECT id FROM outbox
                WHERE created_at <= @createdBefore AND (locked_until IS NULL OR locked_until < @now)
                ORDER BY id LIMIT @max
                FOR UPDATE SKIP LOCKED)
            RETURNING id, message_id, topic, msg_key, message_type, headers_json, payload, created_at
            """;
        const string sqlite = """
            UPDATE outbox SET locked_until = @lockedUntil
            WHERE id IN (
                SELECT id FROM outbox
                WHERE created_at <= @createdBefore AND (locked_until IS NULL OR locked_until < @now)
                ORDER BY id LIMIT @max)
            RETURNING id, message_id, topic, msg_key, message_type, headers_json, payload, created_at
            """;
        var now = clock.GetUtcNow();
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(
            factory.Provider == DbProvider.Postgres ? postgres : sqlite,
            new { lockedUntil = now + lease, createdBefore = now - minAge, now, max },
            cancellationToken: ct));
        return rows.OrderBy(r => r.Id).Select(r => r.ToEnvelope()).ToList();
    }

    public async Task DeleteAsync(IReadOnlyCollection<long> outboxIds, CancellationToken ct)
    {
        if (outboxIds.Count == 0)
        {
            return;
        }
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(
            "DELETE FROM outbox WHERE id " + Sql.InArg(factory.Provider, "ids"), new { ids = Sql.ListArg(factory.Provider, outboxIds) }, ct));
    }

    public async Task<long> CountAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM outbox", cancellationToken: ct));
    }

    private sealed record OutboxRow
    {
        public long Id { get; init; }
        public string MessageId { get; init; } = "";
        public string Topic { get; init; } = "";
        public string MsgKey { get; init; } = "";
        public string MessageType { get; init; } = "";
        public string HeadersJson { get; init; } = "";
        public byte[] Payload { get; init; } = [];
        public DateTimeOffset CreatedAt { get; init; }

        public MessageEnvelope ToEnvelope() => new(
            MessageId, Topic, MsgKey, MessageType, Payload,
            JsonSerializer.Deserialize<Dictionary<string, string>>(HeadersJson) ?? [], CreatedAt)
        {
            OutboxId = Id,
        };
    }
}
