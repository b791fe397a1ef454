namespace SuperTickets.Data;

public enum DbProvider
{
    Sqlite,
    Postgres,
}
