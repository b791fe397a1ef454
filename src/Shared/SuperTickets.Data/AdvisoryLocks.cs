namespace SuperTickets.Data;

/// <summary>
/// The PostgreSQL advisory-lock keys the project takes, in one list so that no two uses share a key by accident.
/// They are process-wide on the server: every process of one deployment that takes a key waits for (or skips) the others.
/// </summary>
internal static class AdvisoryLocks
{
    /// <summary>Held by <see cref="MigrationRunner"/> while it applies migrations, so that two processes starting at once do not both apply them.</summary>
    public const long Migrations = 4242001;

    /// <summary>Held by one round of <see cref="TableStatisticsRefresher"/>; the other processes skip that round.</summary>
    public const long StatisticsRound = 4242002;
}
