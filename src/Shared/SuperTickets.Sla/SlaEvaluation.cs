namespace SuperTickets.Sla;

/// <summary>A ticket's SLA standing at an instant. A value type so that sweeps over many tickets do not allocate.</summary>
/// <param name="PausedTime">Wall-clock time spent waiting on the customer, including a pause still running.</param>
public readonly record struct SlaEvaluation(
    string? PolicyId,
    bool PolicyEnabled,
    bool IsPaused,
    TimeSpan PausedTime,
    SlaTargetStatus FirstResponse,
    SlaTargetStatus Resolution)
{
    public SlaTargetStatus this[SlaTarget target] => target == SlaTarget.FirstResponse ? FirstResponse : Resolution;
}
