namespace SuperTickets.Data.Admin;

/// <summary>How a delete went: done, nothing with that id, or refused because other rows still refer to it.</summary>
public enum DeleteOutcome
{
    Deleted,
    NotFound,
    InUse,
}
