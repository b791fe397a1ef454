using Dapper;

namespace SuperTickets.Data;

public sealed class SlaPolicyStore(DbConnectionFactory factory)
{
    public async Task UpsertAsync(IReadOnlyCollection<SlaPolicyRecord> policies, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO sla_policies (id, name, priority, category, customer_tier, first_response_minutes, resolution_minutes,
                warning_fraction, use_business_hours, calendar_id, enabled, updated_at)
            VALUES (@Id, @Name, @Priority, @Category, @CustomerTier, @FirstResponseMinutes, @ResolutionMinutes,
                @WarningFraction, @UseBusinessHours, @CalendarId, @Enabled, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, priority = excluded.priority, category = excluded.category,
                customer_tier = excluded.customer_tier, first_response_minutes = excluded.first_response_minutes,
                resolution_minutes = excluded.resolution_minutes, warning_fraction = excluded.warning_fraction,
                use_business_hours = excluded.use_business_hours, calendar_id = excluded.calendar_id,
                enabled = excluded.enabled, updated_at = excluded.updated_at
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, policies, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    public async Task<IReadOnlyList<SlaPolicyRecord>> ListAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<SlaPolicyRecord>(Sql.Cmd(
            """
            SELECT id, name, priority, category, customer_tier, first_response_minutes, resolution_minutes,
                   warning_fraction, use_business_hours, calendar_id, enabled, updated_at
            FROM sla_policies ORDER BY id
            """, null, ct))).ToList();
    }
}
