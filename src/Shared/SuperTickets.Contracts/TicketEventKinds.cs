namespace SuperTickets.Contracts;

public static class TicketEventKinds
{
    public const string Created = "created";
    public const string MessageAppended = "message_appended";
    public const string Reopened = "reopened";
    public const string AutoAnswered = "auto_answered";
    public const string Assigned = "assigned";
    public const string StatusChanged = "status_changed";
    public const string PriorityChanged = "priority_changed";
    public const string Responded = "responded";
}
