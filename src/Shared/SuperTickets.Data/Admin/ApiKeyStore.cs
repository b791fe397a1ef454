using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>api_keys: looked up by the public key id; the secret is compared by hash.</summary>
public sealed class ApiKeyStore(DbConnectionFactory factory, TimeProvider clock)
{
    private const string Columns = "id, name, role, key_hash, created_at, revoked_at";

    public async Task InsertAsync(ApiKeyRecord key, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO api_keys (id, name, role, key_hash, created_at) VALUES (@Id, @Name, @Role, @KeyHash, @CreatedAt)
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(sql, key, ct));
    }

    /// <summary>The key with this id, unless it was revoked.</summary>
    public async Task<ApiKeyRecord?> FindActiveAsync(string id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyRecord>(Sql.Cmd(
            $"SELECT {Columns} FROM api_keys WHERE id = @id AND revoked_at IS NULL", new { id }, ct));
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<ApiKeyRecord>(Sql.Cmd($"SELECT {Columns} FROM api_keys ORDER BY created_at, id", null, ct))).ToList();
    }

    /// <summary>Revokes the key; false when no active key has this id.</summary>
    public async Task<bool> RevokeAsync(string id, CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        return await connection.ExecuteAsync(Sql.Cmd(
            "UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL", new { id, now = clock.GetUtcNow() }, ct)) == 1;
    }
}
