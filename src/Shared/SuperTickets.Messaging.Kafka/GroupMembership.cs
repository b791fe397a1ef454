namespace SuperTickets.Messaging.Kafka;

/// <summary>Whether a consumer has received an assignment from its group since it subscribed.</summary>
public sealed class GroupMembership
{
    private volatile bool _assigned;

    public bool HasBeenAssigned => _assigned;

    public void Assigned() => _assigned = true;
}
