using System.Data;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using SuperTickets.Data.Sqlite;

namespace SuperTickets.Data;

/// <summary>One-time Dapper configuration shared by both providers.</summary>
internal static class DapperSetup
{
    private static int _configured;

    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1)
        {
            return;
        }
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new BooleanHandler());
    }

    /// <summary>
    /// Instants are written in UTC (timestamptz on PostgreSQL; on SQLite the provider's text form with a +00:00
    /// offset, which sorts correctly, formatted by <see cref="SqliteInstant"/>) and read back from either provider's
    /// representation.
    /// </summary>
    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) =>
            parameter.Value = parameter is SqliteParameter ? SqliteInstant.Format(value) : value.ToUniversalTime();

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset dto => dto,
            DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a timestamp."),
        };
    }

    /// <summary>SQLite has no boolean type; it returns 0/1 integers.</summary>
    private sealed class BooleanHandler : SqlMapper.TypeHandler<bool>
    {
        public override void SetValue(IDbDataParameter parameter, bool value) => parameter.Value = value;

        public override bool Parse(object value) => value switch
        {
            bool b => b,
            long l => l != 0,
            int i => i != 0,
            _ => Convert.ToBoolean(value, CultureInfo.InvariantCulture),
        };
    }
}
