using Dapper;

namespace SuperTickets.Data.Admin;

/// <summary>Single-row reads and deletes of SLA policies, and the business calendars (sla_calendars).</summary>
public sealed class SlaAdminStore(DbConnectionFactory factory)
{
    public async Task<SlaPolicyRecord?> GetPolicyAsync(string id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SlaPolicyRecord>(Sql.Cmd("""
            SELECT id, name, priority, category, customer_tier, first_response_minutes, resolution_minutes,
                   warning_fraction, use_business_hours, calendar_id, enabled, updated_at
            FROM sla_policies WHERE id = @id
            """, new { id }, ct));
    }

    /// <summary>Deletes a policy no ticket refers to.</summary>
    public Task<DeleteOutcome> DeletePolicyAsync(string id, CancellationToken ct) => DeleteAsync(
        "SELECT COUNT(*) FROM sla_policies WHERE id = @id",
        "SELECT (SELECT COUNT(*) FROM tickets WHERE sla_policy_id = @id) + (SELECT COUNT(*) FROM ticket_sla WHERE policy_id = @id)",
        "DELETE FROM sla_policies WHERE id = @id", id, ct);

    public async Task<IReadOnlyList<SlaCalendarRecord>> ListCalendarsAsync(CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return (await connection.QueryAsync<SlaCalendarRecord>(Sql.Cmd(
            "SELECT id, time_zone, weekly_hours_json, holidays_json, updated_at FROM sla_calendars ORDER BY id", null, ct))).ToList();
    }

    public async Task<SlaCalendarRecord?> GetCalendarAsync(string id, CancellationToken ct)
    {
        await using var connection = await factory.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<SlaCalendarRecord>(Sql.Cmd(
            "SELECT id, time_zone, weekly_hours_json, holidays_json, updated_at FROM sla_calendars WHERE id = @id", new { id }, ct));
    }

    public async Task UpsertCalendarAsync(SlaCalendarRecord calendar, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO sla_calendars (id, time_zone, weekly_hours_json, holidays_json, updated_at)
            VALUES (@Id, @TimeZone, @WeeklyHoursJson, @HolidaysJson, @UpdatedAt)
            ON CONFLICT (id) DO UPDATE SET time_zone = excluded.time_zone, weekly_hours_json = excluded.weekly_hours_json,
                holidays_json = excluded.holidays_json, updated_at = excluded.updated_at
            """;
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await connection.ExecuteAsync(Sql.Cmd(sql, calendar, ct));
    }

    /// <summary>Deletes a calendar no SLA policy names.</summary>
    public Task<DeleteOutcome> DeleteCalendarAsync(string id, CancellationToken ct) => DeleteAsync(
        "SELECT COUNT(*) FROM sla_calendars WHERE id = @id",
        "SELECT COUNT(*) FROM sla_policies WHERE calendar_id = @id",
        "DELETE FROM sla_calendars WHERE id = @id", id, ct);

    private async Task<DeleteOutcome> DeleteAsync(string exists, string references, string delete, string id, CancellationToken ct)
    {
        await using var writer = await factory.OpenWriterAsync(ct);
        var connection = writer.Connection;
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(exists, new { id }, transaction, cancellationToken: ct)) == 0)
        {
            return DeleteOutcome.NotFound;
        }
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(references, new { id }, transaction, cancellationToken: ct)) > 0)
        {
            return DeleteOutcome.InUse;
        }
        await connection.ExecuteAsync(new CommandDefinition(delete, new { id }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
        return DeleteOutcome.Deleted;
    }
}
