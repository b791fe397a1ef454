using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>Knowledge-base reads by id and by page (writes go through <see cref="KbStore"/>).</summary>
public sealed class KbAdminStore(DbConnectionFactory factory)
{
    private const string Columns = "id, title, body, category, tags_json, language, updated_at";

    public async Task<KbArticleRecord?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<KbArticleRecord>(Sql.Cmd($"SELECT {Columns} FROM kb_articles WHERE id = @id", new { id }, ct));
    }

    public async Task<Page<KbArticleRecord>> ListAsync(string? category, int limit, int offset, CancellationToken ct)
    {
        const string where = " WHERE (@category IS NULL OR category = @category)";
        await using var connection = await factory.OpenAsync(ct);
        var items = (await connection.QueryAsync<KbArticleRecord>(Sql.Cmd(
            $"SELECT {Columns} FROM kb_articles" + where + " ORDER BY id LIMIT @limit OFFSET @offset", new { category, limit, offset }, ct))).ToList();
        var total = await connection.ExecuteScalarAsync<long>(Sql.Cmd("SELECT COUNT(*) FROM kb_articles" + where, new { category }, ct));
        return new Page<KbArticleRecord>(items, total);
    }
}
