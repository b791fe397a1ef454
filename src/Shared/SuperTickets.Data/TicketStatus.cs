namespace SuperTickets.Data;

public static class TicketStatus
{
    public const string New = "new";
    public const string Open = "open";
    public const string Pending = "pending";
    public const string SolvedPendingConfirmation = "solved_pending_confirmation";
    public const string Solved = "solved";
    public const string Closed = "closed";

    public static bool IsSolved(string status) => status is SolvedPendingConfirmation or Solved or Closed;
}
