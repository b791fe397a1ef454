using Dapper;

namespace SuperTickets.Data;

public sealed class CustomerStore(TimeProvider clock)
{
    /// <summary>The customer with this address, created if new: one statement for a new customer, two for a known one.</summary>
    public async Task<CustomerRecord> UpsertAsync(DbSession session, string email, string? name, CancellationToken ct)
    {
        const string insert = """
            INSERT INTO customers (email, name, tier, created_at) VALUES (@email, @name, 'standard', @now)
            ON CONFLICT (email) DO NOTHING
            RETURNING id, email, name, tier, created_at
            """;
        var normalized = email.Trim().ToLowerInvariant();
        var created = await session.Connection.QuerySingleOrDefaultAsync<CustomerRecord>(session.Cmd(insert, new { email = normalized, name, now = clock.GetUtcNow() }, ct));
        return created is not null ? created with { IsNew = true }
            : await FindAsync(session, normalized, ct)
            ?? throw new InvalidOperationException("A customer that conflicted on insert could not be read back.");
    }

    public Task<CustomerRecord?> FindAsync(DbSession session, string email, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<CustomerRecord>(session.Cmd(
            "SELECT id, email, name, tier, created_at FROM customers WHERE email = @email", new { email = email.Trim().ToLowerInvariant() }, ct));

    public Task SetTierAsync(DbSession session, string email, string tier, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE customers SET tier = @tier WHERE email = @email", new { email = email.Trim().ToLowerInvariant(), tier }, ct));

    /// <summary>Tickets this customer opened since <paramref name="since"/> (repeated contact raises priority).</summary>
    public Task<int> CountTicketsSinceAsync(DbSession session, long customerId, DateTimeOffset since, CancellationToken ct) =>
        session.Connection.ExecuteScalarAsync<int>(session.Cmd(
            "SELECT COUNT(*) FROM tickets WHERE customer_id = @customerId AND created_at >= @since", new { customerId, since }, ct));
}
