using Dapper;

namespace SuperTickets.Data;

/// <summary>Raw bytes (stored once per content hash), their parsed view and their processing status.</summary>
public sealed class EmailStore(DbConnectionFactory factory)
{
    private readonly CommitBatch<(long Id, string Status)> _statuses = new(WriteStatusesAsync);

    /// <summary>Stores the raw email unless this mailbox already has it; returns the new id or null for a duplicate.</summary>
    public async Task<long?> TryInsertRawAsync(DbSession session, RawEmailInsert email, string status, string? quarantineReason, CancellationToken ct)
    {
        const string content = """
            INSERT INTO raw_contents (sha256, size_bytes, content) VALUES (@ContentSha256, @Size, @Content)
            ON CONFLICT (sha256) DO NOTHING
            """;
        const string raw = """
            INSERT INTO raw_emails (mailbox_id, dedupe_key, message_id, content_sha256, source_ref, status, quarantine_reason, received_at)
            VALUES (@MailboxId, @DedupeKey, @MessageId, @ContentSha256, @SourceRef, @status, @quarantineReason, @ReceivedAt)
            ON CONFLICT (mailbox_id, dedupe_key) DO NOTHING
            RETURNING id
            """;
        await session.Connection.ExecuteAsync(session.Cmd(content, new { email.ContentSha256, Size = email.Content.Length, email.Content }, ct));
        return await session.Connection.ExecuteScalarAsync<long?>(session.Cmd(raw, new
        {
            email.MailboxId, email.DedupeKey, email.MessageId, email.ContentSha256, email.SourceRef, status, quarantineReason, email.ReceivedAt,
        }, ct));
    }

    public Task InsertParsedAsync(DbSession session, ParsedEmailRecord parsed, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO parsed_emails (raw_email_id, message_id, in_reply_to, references_json, subject, from_name, from_address,
                to_json, cc_json, sent_at, text_body, new_text, html_body, attachments_json, defects_json, noise_kind, noise_reason, conversation_key)
            VALUES (@RawEmailId, @MessageId, @InReplyTo, @ReferencesJson, @Subject, @FromName, @FromAddress,
                @ToJson, @CcJson, @SentAt, @TextBody, @NewText, @HtmlBody, @AttachmentsJson, @DefectsJson, @NoiseKind, @NoiseReason, @ConversationKey)
            ON CONFLICT (raw_email_id) DO NOTHING
            """;
        return session.Connection.ExecuteAsync(session.Cmd(sql, parsed with { SentAt = parsed.SentAt?.ToUniversalTime() }, ct));
    }

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
                "UPDATE raw_emails SET status = @status, quarantine_reason = NULL WHERE id " + Sql.InList(session.Provider, "ids"),
                new { status = group.Key, ids = group.Select(s => s.Id).ToArray() }, ct));
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

    /// <summary>Whether another mailbox already delivered a message with this Message-ID (and it is not this email).</summary>
    public Task<long?> FindEarlierCopyAsync(DbSession session, long id, string messageId, CancellationToken ct) =>
        session.Connection.ExecuteScalarAsync<long?>(session.Cmd(
            "SELECT MIN(id) FROM raw_emails WHERE message_id = @messageId AND id < @id AND status <> 'quarantined'",
            new { id, messageId }, ct));
}
