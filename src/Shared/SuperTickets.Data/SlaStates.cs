namespace SuperTickets.Data;

/// <summary>The state of one SLA target of a ticket (ticket_sla.first_response_state / resolution_state).</summary>
public static class SlaStates
{
    public const string Ok = "ok";
    public const string AtRisk = "at_risk";
    public const string Breached = "breached";
    public const string Met = "met";
}
