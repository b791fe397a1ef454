using Dapper;

namespace SuperTickets.Data;

/// <summary>Raw bytes (stored once per content hash), their parsed view and their processing status.</summary>
public sealed class EmailStore(DbConnectionFactory factory)
{
    private readonly CommitBatch<(long Id, string Status)> _statuses = new(WriteStatusesAsync);

    /// <summary>Stores the raw email unless this mailbox already has it; returns the new id or null for a duplicate.</summary>
    public async Task<long?> TryInsertRawAsync(DbSession session, RawEmailInsert email, string status, string? quarantineReason, CancellationToken ct) =>
        (await TryInsertRawManyAsync(session, [new RawEmailRow(email, status, quarantineReason)], ct))[0];

    /// <summary>
    /// Stores a batch of raw emails with a few multi-row statements: the bytes once per content hash, each email unless
    /// its mailbox already has it (or it repeats an earlier email of the batch). Returns, in order, each new id or null
    /// for a duplicate.
    /// </summary>
    public async Task<long?[]> TryInsertRawManyAsync(DbSession session, IReadOnlyList<RawEmailRow> emails, CancellationToken ct)
    {
        var contents = emails.Select(e => e.Email).DistinctBy(e => e.ContentSha256, StringComparer.Ordinal).ToList();
        await MultiRowInsert.ExecuteAsync(session, "INSERT INTO raw_contents (sha256, size_bytes, content) VALUES",
            contents.Count, 3, "ON CONFLICT (sha256) DO NOTHING", (row, column) => column switch
            {
                0 => contents[row].ContentSha256,
                1 => contents[row].Content.Length,
                _ => contents[row].Content,
            }, ct);

        var ids = new long?[emails.Count];
        var firsts = new Dictionary<(string MailboxId, string DedupeKey), int>();
        for (var i = 0; i < emails.Count; i++)
        {
            firsts.TryAdd((emails[i].Email.MailboxId, emails[i].Email.DedupeKey), i);
        }
        var order = firsts.Values.Order().ToList();
        await MultiRowInsert.QueryAsync(session,
            "INSERT INTO raw_emails (mailbox_id, dedupe_key, message_id, content_sha256, source_ref, status, quarantine_reason, received_at) VALUES",
            order.Count, 8, "ON CONFLICT (mailbox_id, dedupe_key) DO NOTHING RETURNING id, mailbox_id, dedupe_key", (row, column) =>
            {
                var (email, status, reason) = emails[order[row]];
                return column switch
                {
                    0 => email.MailboxId,
                    1 => email.DedupeKey,
                    2 => email.MessageId,
                    3 => email.ContentSha256,
                    4 => email.SourceRef,
                    5 => status,
                    6 => reason,
                    _ => email.ReceivedAt,
                };
            },
            reader => ids[firsts[(reader.GetString(1), reader.GetString(2))]] = reader.GetInt64(0), ct);
        return ids;
    }

    public Task InsertParsedAsync(DbSession session, ParsedEmailRecord parsed, CancellationToken ct) =>
        InsertParsedManyAsync(session, [parsed], ct);

    /// <summary>Stores the parsed views of a batch with multi-row statements (a view already stored is kept).</summary>
    public Task InsertParsedManyAsync(DbSession session, IReadOnlyList<ParsedEmailRecord> parsed, CancellationToken ct) =>
        MultiRowInsert.ExecuteAsync(session, """
            INSERT INTO parsed_emails (raw_email_id, message_id, in_reply_to, references_json, subject, from_name, from_address,
                to_json, cc_json, sent_at, text_body, new_text, html_body, attachments_json, defects_json, noise_kind, noise_reason, conversation_key) VALUES
            """, parsed.Count, 18, "ON CONFLICT (raw_email_id) DO NOTHING", (row, column) =>
            {
                var p = parsed[row];
                return column switch
                {
                    0 => p.RawEmailId,
                    1 => p.MessageId,
                    2 => p.InReplyTo,
                    3 => p.ReferencesJson,
                    4 => p.Subject,
                    5 => p.FromName,
                    6 => p.FromAddress,
                    7 => p.ToJson,
                    8 => p.CcJson,
                    9 => p.SentAt,
                    10 => p.TextBody,
                    11 => p.NewText,
                    12 => p.HtmlBody,
                    13 => p.AttachmentsJson,
                    14 => p.DefectsJson,
                    15 => p.NoiseKind,
                    16 => p.NoiseReason,
                    _ => p.ConversationKey,
                };
            }, ct);

    /// <summary>
    /// Sets the status (and clears any quarantine reason) when the session commits, one statement per status for the
    /// whole batch. For a stage's own progress mark, which nothing in its transaction reads back.
    /// </summary>
    public void SetStatusOnCommit(DbSession session, long id, string status) => _statuses.Add(session, (id, status));

    private static async Task WriteStatusesAsync(DbSession session, IReadOnlyList<(long Id, string Status)> statuses, CancellationToken ct)
    {
        foreach (var group in statuses.GroupBy(s => s.Status, StringComparer.Ordinal))
        {
            await session.Connection.ExecuteAsync(session.Cmd(
                "UPDATE raw_emails SET status = @status, quarantine_reason = NULL WHERE id " + Sql.InArg(session.Provider, "ids"),
                new { status = group.Key, ids = Sql.ListArg(session.Provider, group.Select(s => s.Id)) }, ct));
        }
    }

    public Task SetStatusAsync(DbSession session, long id, string status, string? quarantineReason, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE raw_emails SET status = @status, quarantine_reason = @quarantineReason WHERE id = @id",
            new { id, status, quarantineReason }, ct));

    private const string ParsedSelect = """
        SELECT p.raw_email_id, p.message_id, p.in_reply_to, p.references_json, p.subject, p.from_name, p.from_address,
               p.to_json, p.cc_json, p.sent_at, p.text_body, p.new_text, p.html_body, p.attachments_json, p.defects_json,
               p.noise_kind, p.noise_reason, p.conversation_key, r.mailbox_id, r.status
        FROM parsed_emails p JOIN raw_emails r ON r.id = p.raw_email_id
        """;

    public Task<ParsedEmailRecord?> GetParsedAsync(DbSession session, long id, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<ParsedEmailRecord>(session.Cmd(ParsedSelect + " WHERE p.raw_email_id = @id", new { id }, ct));

    /// <summary>The parsed views of these emails in one statement, by raw email id (ids without one are left out).</summary>
    public async Task<IReadOnlyDictionary<long, ParsedEmailRecord>> GetParsedManyAsync(DbSession session, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, ParsedEmailRecord>();
        }
        var rows = await session.Connection.QueryAsync<ParsedEmailRecord>(session.Cmd(
            ParsedSelect + " WHERE p.raw_email_id " + Sql.InArg(session.Provider, "ids"), new { ids = Sql.ListArg(session.Provider, ids.Distinct()) }, ct));
        return rows.ToDictionary(r => r.RawEmailId);
    }

    public async Task<ParsedEmailRecord?> GetParsedAsync(long id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ParsedEmailRecord>(Sql.Cmd(ParsedSelect + " WHERE p.raw_email_id = @id", new { id }, ct));
    }

    public async Task<byte[]?> GetRawContentAsync(long id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<byte[]?>(Sql.Cmd(
            "SELECT c.content FROM raw_emails r JOIN raw_contents c ON c.sha256 = r.content_sha256 WHERE r.id = @id", new { id }, ct));
    }

    public async Task<IReadOnlyList<RawEmailRecord>> ListAsync(string? status, int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT r.id, r.mailbox_id, r.message_id, r.source_ref, r.status, r.quarantine_reason, r.received_at, c.size_bytes
            FROM raw_emails r JOIN raw_contents c ON c.sha256 = r.content_sha256
            WHERE (@status IS NULL OR r.status = @status)
            ORDER BY r.id DESC LIMIT @limit
            """;
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<RawEmailRecord>(Sql.Cmd(sql, new { status, limit }, ct))).ToList();
    }

    /// <summary>
    /// The first copy (lowest id, not quarantined) of each of these Message-IDs, in one statement. An email whose
    /// Message-ID maps to a lower id than its own is a later copy of that email (delivered to another mailbox too).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> FindFirstCopiesAsync(DbSession session, IReadOnlyCollection<string> messageIds, CancellationToken ct)
    {
        if (messageIds.Count == 0)
        {
            return new Dictionary<string, long>(StringComparer.Ordinal);
        }
        var rows = await session.Connection.QueryAsync<(string MessageId, long Id)>(session.Cmd(
            "SELECT message_id, MIN(id) FROM raw_emails WHERE message_id " + Sql.InArg(session.Provider, "messageIds") +
            " AND status <> 'quarantined' GROUP BY message_id",
            new { messageIds = Sql.ListArg(session.Provider, messageIds.Distinct(StringComparer.Ordinal)) }, ct));
        return rows.ToDictionary(r => r.MessageId, r => r.Id, StringComparer.Ordinal);
    }
}
