using System.ComponentModel.DataAnnotations;

namespace SuperTickets.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required(ErrorMessage = "Database:Provider is required (sqlite or postgres).")]
    public DbProvider? Provider { get; set; }

    [Required(ErrorMessage = "Database:ConnectionString (or ConnectionStrings:Postgres / ConnectionStrings:Sqlite) is required.")]
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up (the embedded run does; production runs `supertickets migrate`).</summary>
    public bool MigrateOnStart { get; set; }

    /// <summary>
    /// How often PostgreSQL tables that are still growing from empty are checked and analyzed
    /// (<see cref="TableStatisticsRefresher"/>); zero turns it off. Not used on SQLite.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Database:StatisticsRefreshInterval must be between 00:00:00 (off) and 01:00:00.")]
    public TimeSpan StatisticsRefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
