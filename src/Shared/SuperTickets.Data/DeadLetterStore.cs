using System.Text.Json;
using Dapper;
using SuperTickets.Messaging;

namespace SuperTickets.Data;

/// <summary>Dead letters kept in the database: listed and replayed through the admin API and the CLI.</summary>
public sealed class DeadLetterStore(DbConnectionFactory factory) : IDeadLetterSink
{
    public async Task StoreAsync(DeadLetter deadLetter, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO dead_letters (message_id, topic, msg_key, message_type, headers_json, payload, consumer_group,
                exception_type, exception_message, attempts, original_partition, original_offset, first_failed_at, failed_at)
            VALUES (@MessageId, @Topic, @Key, @MessageType, @HeadersJson, @Payload, @ConsumerGroup,
                @ExceptionType, @ExceptionMessage, @Attempts, @OriginalPartition, @OriginalOffset, @FirstFailedAt, @FailedAt)
            """;
        var envelope = deadLetter.Envelope;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            envelope.MessageId,
            envelope.Topic,
            envelope.Key,
            envelope.MessageType,
            HeadersJson = JsonSerializer.Serialize(envelope.Headers),
            Payload = envelope.Payload.ToArray(),
            deadLetter.ConsumerGroup,
            deadLetter.ExceptionType,
            deadLetter.ExceptionMessage,
            deadLetter.Attempts,
            deadLetter.OriginalPartition,
            deadLetter.OriginalOffset,
            deadLetter.FirstFailedAt,
            deadLetter.FailedAt,
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<DeadLetterRecord>> ListAsync(bool includeReplayed, int limit, CancellationToken ct)
    {
        var sql = $"""
            SELECT id, message_id, topic, msg_key, message_type, consumer_group, exception_type, exception_message,
                   attempts, first_failed_at, failed_at, replayed_at
            FROM dead_letters {(includeReplayed ? "" : "WHERE replayed_at IS NULL")}
            ORDER BY id DESC LIMIT @limit
            """;
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<DeadLetterRecord>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).ToList();
    }

    /// <summary>Puts the dead letter back on its topic through the outbox (same message id) and marks it replayed.</summary>
    public async Task<bool> ReplayAsync(long id, DbSession session, IMessageUnitOfWork unitOfWork, TimeProvider clock, CancellationToken ct)
    {
        const string select = """
            SELECT message_id, topic, msg_key, message_type, headers_json, payload
            FROM dead_letters WHERE id = @id AND replayed_at IS NULL
            """;
        var row = await session.Connection.QuerySingleOrDefaultAsync<ReplayRow>(new CommandDefinition(select, new { id }, session.Transaction, cancellationToken: ct));
        if (row is null)
        {
            return false;
        }
        await unitOfWork.EnqueueAsync(new MessageEnvelope(
            row.MessageId, row.Topic, row.MsgKey, row.MessageType, row.Payload,
            JsonSerializer.Deserialize<Dictionary<string, string>>(row.HeadersJson) ?? [], clock.GetUtcNow()), ct);
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE dead_letters SET replayed_at = @now WHERE id = @id", new { id, now = clock.GetUtcNow() }, session.Transaction, cancellationToken: ct));
        return true;
    }

    private sealed record ReplayRow
    {
        public string MessageId { get; init; } = "";
        public string Topic { get; init; } = "";
        public string MsgKey { get; init; } = "";
        public string MessageType { get; init; } = "";
        public string HeadersJson { get; init; } = "";
        public byte[] Payload { get; init; } = [];
    }
}
