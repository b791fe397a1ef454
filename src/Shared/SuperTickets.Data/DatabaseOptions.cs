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
}
