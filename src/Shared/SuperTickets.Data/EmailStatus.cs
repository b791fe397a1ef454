namespace SuperTickets.Data;

public static class EmailStatus
{
    public const string Received = "received";
    public const string Quarantined = "quarantined";
    public const string Triaged = "triaged";
    public const string Resolved = "resolved";
    public const string Ignored = "ignored";
}
