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
        var normalized = Normalize(email);
        var created = await session.Connection.QuerySingleOrDefaultAsync<CustomerRecord>(session.Cmd(insert, new { email = normalized, name, now = clock.GetUtcNow() }, ct));
        return created is not null ? created with { IsNew = true }
            : await FindAsync(session, normalized, ct)
            ?? throw new InvalidOperationException("A customer that conflicted on insert could not be read back.");
    }

    public Task<CustomerRecord?> FindAsync(DbSession session, string email, CancellationToken ct) =>
        session.Connection.QuerySingleOrDefaultAsync<CustomerRecord>(session.Cmd(
            "SELECT id, email, name, tier, created_at FROM customers WHERE email = @email", new { email = Normalize(email) }, ct));

    /// <summary>The known customers among these addresses in one statement, by normalized address.</summary>
    public async Task<IReadOnlyDictionary<string, CustomerRecord>> FindManyAsync(DbSession session, IEnumerable<string> emails, CancellationToken ct)
    {
        var normalized = emails.Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
        if (normalized.Count == 0)
        {
            return new Dictionary<string, CustomerRecord>(StringComparer.Ordinal);
        }
        var rows = await session.Connection.QueryAsync<CustomerRecord>(session.Cmd(
            "SELECT id, email, name, tier, created_at FROM customers WHERE email " + Sql.InArg(session.Provider, "emails"),
            new { emails = Sql.ListArg(session.Provider, normalized) }, ct));
        return rows.ToDictionary(r => r.Email, StringComparer.Ordinal);
    }

    /// <summary>The address as customers are keyed: trimmed, lower case.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public Task SetTierAsync(DbSession session, string email, string tier, CancellationToken ct) =>
        session.Connection.ExecuteAsync(session.Cmd(
            "UPDATE customers SET tier = @tier WHERE email = @email", new { email = Normalize(email), tier }, ct));

    /// <summary>Tickets this customer opened since <paramref name="since"/> (repeated contact raises priority).</summary>
    public async Task<int> CountTicketsSinceAsync(DbSession session, long customerId, DateTimeOffset since, CancellationToken ct) =>
        (await CountTicketsSinceManyAsync(session, [customerId], since, ct)).GetValueOrDefault(customerId);

    /// <summary><see cref="CountTicketsSinceAsync"/> for many customers in one statement (customers without tickets are left out).</summary>
    public async Task<IReadOnlyDictionary<long, int>> CountTicketsSinceManyAsync(DbSession session, IReadOnlyCollection<long> customerIds, DateTimeOffset since, CancellationToken ct)
    {
        if (customerIds.Count == 0)
        {
            return new Dictionary<long, int>();
        }
        var rows = await session.Connection.QueryAsync<(long CustomerId, long Count)>(session.Cmd(
            "SELECT customer_id, COUNT(*) FROM tickets WHERE customer_id " + Sql.InArg(session.Provider, "customerIds") +
            " AND created_at >= @since GROUP BY customer_id",
            new { customerIds = Sql.ListArg(session.Provider, customerIds.Distinct()), since }, ct));
        return rows.ToDictionary(r => r.CustomerId, r => (int)r.Count);
    }
}
