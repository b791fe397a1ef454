using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using SuperTickets.Messaging;

namespace SuperTickets.Data;

/// <summary>
/// Inbox, outbox and the handler's own writes in one database transaction. Inbox marks and outbox rows are
/// written as multi-row statements (one per batch, not one per message).
/// </summary>
public sealed class DbMessageUnitOfWork(DbSession session, TimeProvider clock) : IMessageUnitOfWork
{
    private const int RowsPerStatement = 200;
    private readonly List<MessageEnvelope> _enqueued = [];

    public Task BeginAsync(CancellationToken ct) => session.BeginAsync(ct);

    public async Task<IReadOnlySet<string>> MarkProcessedAsync(string consumer, IReadOnlyList<string> messageIds, CancellationToken ct)
    {
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in messageIds.Distinct(StringComparer.Ordinal).Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO processed_messages (consumer, message_id, processed_at) VALUES ");
            var args = new DynamicParameters();
            args.Add("consumer", consumer);
            args.Add("now", clock.GetUtcNow());
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@consumer, @m{i}, @now)");
                args.Add("m" + i.ToString(CultureInfo.InvariantCulture), chunk[i]);
            }
            sql.Append(" ON CONFLICT (consumer, message_id) DO NOTHING RETURNING message_id");
            fresh.UnionWith(await session.Connection.QueryAsync<string>(session.Cmd(sql.ToString(), args, ct)));
        }
        return fresh;
    }

    public Task EnqueueAsync(MessageEnvelope envelope, CancellationToken ct)
    {
        _enqueued.Add(envelope);
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<MessageEnvelope>> CommitAsync(CancellationToken ct)
    {
        var written = new List<MessageEnvelope>(_enqueued.Count);
        foreach (var chunk in _enqueued.Chunk(RowsPerStatement))
        {
            written.AddRange(await WriteOutboxAsync(chunk, ct));
        }
        await session.CommitAsync(ct);
        _enqueued.Clear();
        return written;
    }

    public ValueTask DisposeAsync() => session.DisposeAsync();

    private async Task<IEnumerable<MessageEnvelope>> WriteOutboxAsync(MessageEnvelope[] chunk, CancellationToken ct)
    {
        var sql = new StringBuilder("INSERT INTO outbox (message_id, topic, msg_key, message_type, headers_json, payload, created_at) VALUES ");
        var args = new DynamicParameters();
        for (var i = 0; i < chunk.Length; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@i{n}, @t{n}, @k{n}, @y{n}, @h{n}, @p{n}, @c{n})");
            var envelope = chunk[i];
            args.Add("i" + n, envelope.MessageId);
            args.Add("t" + n, envelope.Topic);
            args.Add("k" + n, envelope.Key);
            args.Add("y" + n, envelope.MessageType);
            args.Add("h" + n, JsonSerializer.Serialize(envelope.Headers));
            args.Add("p" + n, envelope.Payload.ToArray());
            args.Add("c" + n, envelope.CreatedAt);
        }
        sql.Append(" RETURNING id, message_id");
        var ids = (await session.Connection.QueryAsync<(long Id, string MessageId)>(session.Cmd(sql.ToString(), args, ct)))
            .ToDictionary(r => r.MessageId, r => r.Id, StringComparer.Ordinal);
        return chunk.Select(e => e with { OutboxId = ids[e.MessageId] });
    }
}
