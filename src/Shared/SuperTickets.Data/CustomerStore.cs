using Dapper;

namespace SuperTickets.Data;

public sealed class CustomerStore(TimeProvider clock)
{
    /// <summary>The tier a customer is created with.</summary>
    public const string NewCustomerTier = "standard";

    /// <summary>The customer with this address, created if new: one statement for a new customer, two for a known one.</summary>
    public async Task<CustomerRecord> UpsertAsync(DbSession session, string email, string? name, CancellationToken ct) =>
        (await UpsertManyAsync(session, [(email, name)], ct))[Normalize(email)];

    /// <summary>
    /// The customers of these addresses, each created unless it exists, with one multi-row statement (and one read for
    /// those that existed), by normalized address. The first name given for an address wins; created ones are
    /// <see cref="CustomerRecord.IsNew"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, CustomerRecord>> UpsertManyAsync(DbSession session, IReadOnlyList<(string Email, string? Name)> senders, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var wanted = senders.Select(s => (Email: Normalize(s.Email), s.Name)).DistinctBy(s => s.Email, StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, CustomerRecord>(StringComparer.Ordinal);
        var names = wanted.ToDictionary(c => c.Email, c => c.Name, StringComparer.Ordinal);
        await MultiRowInsert.QueryAsync(session, "INSERT INTO customers (email, name, tier, created_at) VALUES",
            wanted.Count, 4, "ON CONFLICT (email) DO NOTHING RETURNING id, email", (row, column) => column switch
            {
                0 => wanted[row].Email,
                1 => wanted[row].Name,
                2 => NewCustomerTier,
                _ => now,
            },
            reader =>
            {
                var email = reader.GetString(1);
                result[email] = new CustomerRecord { Id = reader.GetInt64(0), Email = email, Name = names[email], Tier = NewCustomerTier, CreatedAt = now, IsNew = true };
            }, ct);
        var existing = wanted.Select(w => w.Email).Where(e => !result.ContainsKey(e)).ToList();
        if (existing.Count > 0)
        {
            foreach (var (email, customer) in await FindManyAsync(session, existing, ct))
            {
                result[email] = customer;
            }
        }
        return result.Count == wanted.Count ? result
            : throw new InvalidOperationException("A customer that conflicted on insert could not be read back.");
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
