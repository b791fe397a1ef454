namespace SuperTickets.Triage;

/// <summary>Ticket priority, lowest first.</summary>
public enum Priority
{
    Low,
    Normal,
    High,
    Urgent,
}
