using Dapper;

namespace SuperTickets.Data;

public sealed class KbStore(DbConnectionFactory factory)
{
    public async Task UpsertAsync(IReadOnlyCollection<KbArticleRecord> articles, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO kb_articles (id, title, body, category, tags_json, language, updated_at)
            VALUES (@Id, @Title, @Body, @Category, @TagsJson, @Language, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, category = excluded.category,
                tags_json = excluded.tags_json, language = excluded.language, updated_at = excluded.updated_at
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, articles, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        return await connection.ExecuteAsync(Sql.Cmd("DELETE FROM kb_articles WHERE id = @id", new { id }, ct)) == 1;
    }

    public async Task<IReadOnlyList<KbArticleRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<KbArticleRecord>(Sql.Cmd(
            "SELECT id, title, body, category, tags_json, language, updated_at FROM kb_articles ORDER BY id", null, ct))).ToList();
    }
}
